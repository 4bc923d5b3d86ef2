"""zhaocai."""
