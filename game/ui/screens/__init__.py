"""The screens. Each is one file, imports only the shared parts (never another screen) and returns
intents; game/ui/app.py maps screen names to these classes."""
