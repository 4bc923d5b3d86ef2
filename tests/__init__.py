"""zhaocai's tests; the shared test kit is `tests.kit`."""
