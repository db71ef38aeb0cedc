"""Security scans on loopback with a signed-in session: wapiti (web modules that stay on this
host) and sqlmap on the main form and API parameters. Zero findings allowed; the reports are
kept in the artifacts directory."""
import json
import os
import re
import shutil
import subprocess

import pytest
import requests
from conftest import ARTEFAK, ServerSIKIM, biner_sikim, json_api, lewati

SANDI = "adminrahasia123"
MODUL_WAPITI = "sql,xss,exec,file,redirect,crlf,csp,http_headers,cookieflags"  # never ssrf/xxe/wapp/takeover


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("pindai")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"SIKIM_DATA_DIR": str(data_dir), "SIKIM_ADMIN_PASSWORD": SANDI})
    hasil = subprocess.run([biner_sikim(), "demo", "--laporan", "200"], env=env, capture_output=True, text=True, timeout=600)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    # Configured as in production behind HTTPS (Secure cookie, HSTS), served on loopback.
    s = ServerSIKIM(data_dir, env={"SIKIM_ADMIN_PASSWORD": SANDI, "SIKIM_PUBLIC_URL": "https://sikim.serangkab.go.id"})
    # A Secure cookie is not sent back over plain HTTP by a client, so it is carried by hand.
    halaman = requests.get(s.url + "/masuk", timeout=10)
    sesi = halaman.cookies.get("sikim_sesi") or re.search(r"sikim_sesi=([^;]+)", halaman.headers["Set-Cookie"]).group(1)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', halaman.text).group(1)
    r = requests.post(s.url + "/masuk", data={"username": "admin", "kata_sandi": SANDI, "_csrf": csrf},
                      headers={"Cookie": f"sikim_sesi={sesi}"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:500]
    baru = re.search(r"sikim_sesi=([^;]+)", r.headers.get("Set-Cookie", ""))
    sesi = baru.group(1) if baru else sesi
    assert "Keluar" in requests.get(s.url + "/akun", headers={"Cookie": f"sikim_sesi={sesi}"}, timeout=10).text
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    yield {"server": s, "cookie": f"sikim_sesi={sesi}"}
    s.berhenti()


def alat(nama):
    if shutil.which(nama) is None:
        lewati(f"{nama} tidak terpasang: pemindaian keamanan dilewati")
    return nama


# Debian's wapiti 3.0.4 builds its exclusion patterns with an inline flag at the end, which
# Python 3.11 rejects, and instantiates the wapp module even when it is not chosen, which then
# downloads its database from GitHub. This runs it with the first mended and the second off:
# the scan never leaves loopback.
SHIM_WAPITI = """
import re, sys
import wapitiCore.attack.mod_wapp as wapp
wapp.mod_wapp.update = lambda self: None
import wapitiCore.net.crawler as crawler
crawler.wildcard_translate = lambda p: re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in p) + r"\\Z")
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
"""


def perintah_wapiti():
    jalur = shutil.which(alat("wapiti"))
    with open(jalur) as f:
        baris = f.readline()
    python = baris[2:].strip() if baris.startswith("#!") and "python" in baris else None
    if python and subprocess.run([python, "-c", "import wapitiCore.net.crawler as c; c.wildcard_translate"], capture_output=True).returncode == 0:
        return [python, "-c", SHIM_WAPITI]
    return [jalur]


def test_wapiti_tanpa_temuan(target):
    url = target["server"].url
    laporan = ARTEFAK / "wapiti.json"
    hasil = subprocess.run(
        perintah_wapiti() + ["-u", url + "/", "--scope", "folder", "-m", MODUL_WAPITI, "--max-scan-time", "150",
         # bounded: ten of each kind of page (KIM, laporan, user …) and 40 s per module
         "--depth", "3", "--max-links-per-page", "30", "--max-files-per-dir", "10", "--max-attack-time", "40",
         "--flush-session", "-f", "json", "-o", str(laporan), "-H", "Cookie: " + target["cookie"],
         # signing out or changing the scanning account's own password would end the scan's session
         "-x", url + "/keluar", "-x", url + "/akun/kata-sandi"],
        capture_output=True, text=True, timeout=600)
    (ARTEFAK / "wapiti.log").write_text(hasil.stdout + hasil.stderr)
    assert hasil.returncode == 0, hasil.stderr[-2000:]
    isi = json.loads(laporan.read_text())
    temuan = {k: v for k, v in isi.get("vulnerabilities", {}).items() if v}
    anomali = {k: v for k, v in isi.get("anomalies", {}).items() if v}
    dijelajah = int(re.search(r"Wapiti found (\d+) URLs and forms", hasil.stdout).group(1))
    print(f"wapiti: {dijelajah} halaman dijelajahi; temuan {sum(map(len, temuan.values()))}, anomali {sum(map(len, anomali.values()))}")
    assert temuan == {}, json.dumps(temuan, indent=1)[:4000]
    assert anomali == {}, json.dumps(anomali, indent=1)[:4000]
    assert dijelajah > 100, "the crawl reached the signed-in pages"
    # the scan ran signed in to the end
    assert requests.get(url + "/akun", headers={"Cookie": target["cookie"]}, timeout=10).status_code == 200


# sqlmap 1.7 inflates a "deflate" answer as raw deflate, while HTTP's deflate (RFC 9110), which
# the server sends to a client that accepts both, is zlib-wrapped: sqlmap asks for gzip only.
GZIP = "Accept-Encoding: gzip"

SASARAN_SQLMAP = [
    # (name, path, extra arguments) — API parameters with a token, the web list with the session
    ("api-laporan", "/api/v1/laporan?q=jalan&status=masuk&kategori=lingkungan&kode_wilayah=36.04&dari=2024-01-01&cursor=", "token"),
    ("api-kim", "/api/v1/kim?status=aktif&tingkat=desa&kode_wilayah=36.04.05&limit=5", "token"),
    ("api-wilayah", "/api/v1/wilayah?tingkat=desa&induk=36.04.05", "token"),
    ("api-pengguna", "/api/v1/pengguna?peran=opd&cursor=", "token"),
    ("web-laporan", "/laporan?q=jalan&status=masuk&kategori=lingkungan", "cookie"),
    ("web-kim", "/kim?status=aktif&tingkat=desa&kode_wilayah=36.04.05", "cookie"),
]


@pytest.mark.parametrize("nama,jalur,kredensial", SASARAN_SQLMAP, ids=[s[0] for s in SASARAN_SQLMAP])
def test_sqlmap_tanpa_injeksi(target, nama, jalur, kredensial):
    # A fresh token: the wapiti crawl may have revoked the first one through the /akun page's form.
    token = json_api(target["server"].url + "/api/v1/token", {"username": "admin", "password": SANDI})[1]["token"]
    header = f"Authorization: Bearer {token}" if kredensial == "token" else f"Cookie: {target['cookie']}"
    keluaran = ARTEFAK / "sqlmap" / nama
    hasil = subprocess.run(
        [alat("sqlmap"), "-u", target["server"].url + jalur, "--batch", "--level", "1", "--risk", "1", "--threads", "1",
         "--headers", header + "\n" + GZIP, "--output-dir", str(keluaran), "--disable-coloring", "--flush-session"],
        capture_output=True, text=True, timeout=900)
    keluaran.mkdir(parents=True, exist_ok=True)
    (keluaran / "sqlmap.log").write_text(hasil.stdout + hasil.stderr)
    rentan = [b for b in hasil.stdout.splitlines()
              if re.search(r"is vulnerable|appears to be .*injectable|identified the following injection point", b)]
    assert rentan == [], "\n".join(rentan)
    assert "does not seem to be injectable" in hasil.stdout, "sqlmap tested no parameter:\n" + hasil.stdout[-3000:]


def test_formulir_pengguna_tahan_injeksi(target):
    """A main form (new user), signed in, with its CSRF token refreshed by sqlmap on every try.
    The login form itself cannot be probed this way: after five failures it answers 429."""
    url = target["server"].url
    keluaran = ARTEFAK / "sqlmap" / "formulir-pengguna"
    hasil = subprocess.run(
        [alat("sqlmap"), "-u", url + "/pengguna", "--data", "username=uji.sqlmap&nama=Uji&kata_sandi=sandiuji12345&peran=verifikator&_csrf=x",
         "--csrf-token", "_csrf", "--csrf-url", url + "/pengguna/baru", "-p", "username,nama", "--headers", "Cookie: " + target["cookie"] + "\n" + GZIP,
         "--ignore-code", "409,422", "--batch", "--level", "1", "--risk", "1", "--threads", "1",
         "--output-dir", str(keluaran), "--disable-coloring", "--flush-session"],
        capture_output=True, text=True, timeout=900)
    keluaran.mkdir(parents=True, exist_ok=True)
    (keluaran / "sqlmap.log").write_text(hasil.stdout + hasil.stderr)
    rentan = [b for b in hasil.stdout.splitlines() if re.search(r"is vulnerable|identified the following injection point", b)]
    assert rentan == [], "\n".join(rentan)
    assert "does not seem to be injectable" in hasil.stdout, "sqlmap tested no parameter:\n" + hasil.stdout[-3000:]
