"""The county the portal serves (``units/county.yml``: name, office, townships) and its policy
library (``content/policies/<policy-id>.md``): models and loading."""
