"""`floorwalker keys rotate|info`: the customer-data key outside the database."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    keys = sub.add_parser("keys", help="the customer-data encryption key")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = keys_sub.add_parser("info", help="where the key file is and which keys it holds")
    p.set_defaults(handler=_info)
    p = keys_sub.add_parser("rotate", help="make a new key and re-encrypt every customer with it")
    add_db_option(p)
    p.add_argument("--drop-old", action="store_true",
                   help="remove the old keys from the key file once everything is re-encrypted")
    p.set_defaults(handler=_rotate)


def _info(args: argparse.Namespace) -> int:
    from app.security.crypto import key_file_path, load_all_keys

    path = key_file_path()
    if not path.exists():
        print(f"no key file yet at {path} (one is created when the first customer is stored)")
        return 0
    keys = load_all_keys(path)
    print(f"key file: {path}")
    for n, key in enumerate(keys):
        print(f"  {'current' if n == 0 else 'old    '} key id {key.key_id.hex()}")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.security.crypto import (
        CustomerCipher,
        key_file_path,
        load_all_keys,
        write_keys,
        write_new_key,
    )
    from app.security.customers import rotate_key

    db = open_database(database_url(args)).db
    path = key_file_path()
    old = CustomerCipher.from_key_file(path)
    old_keys = load_all_keys(path)
    # the new key is written first, with the old ones kept: an interrupted rotation can still
    # decrypt everything (each value names its key) and can simply be run again
    write_new_key(path, previous=old_keys)
    new = CustomerCipher(load_all_keys(path))
    with db.session() as s:
        count = rotate_key(s, old, new)
    if args.drop_old:
        write_keys(path, [new.current])
    print(f"re-encrypted {count} customers with key {new.current.key_id.hex()}; key file {path}")
    print("copy the new key file to every desk that shares this database")
    return 0
