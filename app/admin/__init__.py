"""Administration: rule values (settings), people, teams and queues as the Admin workspace edits them."""
