"""tpatlas: an offline atlas of myofascial trigger points and acupressure points."""

__version__ = "0.1.0"
