"""Closed award cycles kept as BagIt bags (``archive/<cycle-id>/``, shown as 归档): freezing,
verifying, loading for the site, and the deterministic bundle for the county archives.

"Archive" alone means the unit's 创建档案 (``unit/creation.py``); here everything is a *bag*.
"""
