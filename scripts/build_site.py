"""`make build`: the site with its downloads, the zipped offline copy included.

The offline copy is built first, from mkdocs.offline.yml (Material's offline plugin), and
zipped; then the online site is built with AIGOV_OFFLINE_COPY naming the zip, so that the
download page lists the size and checksum of the very file it publishes. The offline build
runs with SOURCE_DATE_EPOCH at the date of the newest text, so two runs give the same zip.
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from aigov.corpus import load_documents
from aigov.downloads import newest_text_date, offline_copy_name, zip_folder

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(config_file: str, site_dir: Path, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config_file, "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="where to write the site (default: site/)")
    site_dir = parser.parse_args().site_dir.resolve()
    date = newest_text_date(load_documents(ROOT / "data" / "documents.yml"))
    epoch = datetime.datetime.combine(date, datetime.time(), datetime.UTC).timestamp()
    name = offline_copy_name(date)
    with tempfile.TemporaryDirectory() as temp:
        offline_site = Path(temp) / name
        mkdocs_build("mkdocs.offline.yml", offline_site, {"SOURCE_DATE_EPOCH": str(int(epoch))})
        archive = Path(temp) / f"{name}.zip"
        archive.write_bytes(zip_folder(offline_site, date))
        mkdocs_build("mkdocs.yml", site_dir, {"AIGOV_OFFLINE_COPY": str(archive)})


if __name__ == "__main__":
    main()
