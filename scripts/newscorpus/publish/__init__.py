"""Publishing: the Hugging Face dataset folder, its card and Croissant, standoff and rehydration."""
