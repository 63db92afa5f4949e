"""The dialogs that create, change and delete the register's records: entrepreneurs and
their products. They only call ``otop_desktop.services``."""
