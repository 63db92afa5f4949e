"""The Qt layer of OTOP Desktop: windows and dialogs that only call ``otop_desktop`` services,
so every rule about the register stays in the core that the command line shares."""
