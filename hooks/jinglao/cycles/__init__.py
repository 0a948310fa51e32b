"""Award cycles (评选表彰届次, ``cycles/<cycle-id>.yml``): model, rules (3 years, phases, quotas,
公示 of at least 5 working days), the upward-only ladder and 越级推荐 (``ladder.py``), 敬老模范人物
nominees (``people.py``), working days, loading and views."""
