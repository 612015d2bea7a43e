from tests.store.backends import store, store_settings

__all__ = ["store", "store_settings"]
