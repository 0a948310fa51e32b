"""The schema machinery every data file shares: the base model, field types, the program's
vocabularies, Chinese translation of validation errors, JSON Schema export and the field reference.

Nothing here knows a unit's or a cycle's fields; those models live in ``unit/``, ``county/`` and
``cycles/`` and are passed in.
"""
