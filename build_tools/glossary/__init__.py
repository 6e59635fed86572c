"""The glossary: curated terms, their pinyin, matching in text, and usage across notices."""
