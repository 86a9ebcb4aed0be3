"""Customer-data protection: encryption at rest, masking, and who may see what."""
