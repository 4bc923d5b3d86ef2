"""The rules an organisation runs on: the law's floors, its stored policy, and deviations."""
