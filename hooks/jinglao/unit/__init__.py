"""One unit's file, ``units/<unit-id>/unit.yml``: its model, rules, wording, completeness,
freshness, loading and view — everything "add a field" touches lives in this folder.

Add a field, in this order, one file each:

1. model — declare it with a Chinese ``title`` (and ``examples``) in the part it belongs to:
   ``disclosure.py`` (公开事项, procedures, phones, hours), ``steps.py`` (步骤 and their
   branches), ``fees.py`` (收费), ``benefits.py`` (优待), ``commitments.py`` (承诺 kinds and
   scope), ``on_site.py`` (设施, 班次, 运营单位, 检查), ``duties.py`` (定期义务, 限制, 人员, 受理点),
   ``validity.py`` (有效期, 单位状态), ``creation.py`` (创建标准, 创建档案), ``activities.py``
   (争创, 活动, 评议), ``honours.py``, or ``model.py`` (top level). Validation, Chinese errors,
   the field reference page and the JSON Schema follow from the declaration; a hint for a wrong
   value shows the first example. A fact a unit may legitimately not have published yet is
   typed ``Maybe[X]`` (``schema/unpublished.py``): it then accepts 「未公布」 and counts as a gap
   (``gaps.py``); plain ``Text`` refuses 「未公布」 everywhere else.
2. rule — a check that compares it with other fields or files goes in ``rules.py`` (a
   ``Finding`` by key path; it is located for you). A cross-file rule takes plain values, and
   ``partial.py`` runs it on a file with shape errors too, so one run lists every problem.
3. view — derived wording (a date range, a figure with its unit) in ``view.py`` or
   ``wording.py`` (``basics.py``, ``procedure_view.py``, ``step_view.py``, ``fact_views.py`` and
   ``timeline.py`` word their parts); a plain copy of the field is already in the view. If
   screens or boards carry the section, add its facts to ``tests/support/facts.py`` so the
   one-truth test checks every output.
4. template — show it in ``theme/pages/unit/page.md.j2`` (and ``screen.html.j2``,
   ``board.html.j2``, ``cards.html.j2`` when halls and boards should carry it).
5. scaffold — an empty entry in ``cli/scaffold.py`` when new units should see it; its guidance
   goes into the field's ``title``/``description`` (the JSON Schema shows them, no comments).
6. docs — the annotated example in ``content/guide/unit-file.md``; then run ``jinglao schema``
   to regenerate ``content/schema/unit.schema.json``.
7. golden fixture — a broken value under ``tests/golden/validate/`` for each new rule.
"""
