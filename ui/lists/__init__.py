"""The entrepreneur and product lists: lazy tables over the listing service, with Thai search
and filters."""

from ui.lists.entrepreneurs import EntrepreneursPage
from ui.lists.products import ProductsPage

__all__ = ["EntrepreneursPage", "ProductsPage"]
