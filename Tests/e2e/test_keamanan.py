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
    s = ServerSIKIM(data_dir, env={"SIKIM_ADMIN_PASSWORD": SANDI})
    web = requests.Session()
    halaman = web.get(s.url + "/masuk", timeout=10).text
    csrf = re.search(r'name="_csrf" value="([^"]+)"', halaman).group(1)
    r = web.post(s.url + "/masuk", data={"username": "admin", "kata_sandi": SANDI, "_csrf": csrf}, timeout=10)
    assert r.ok and "Keluar" in r.text
    _, t = json_api(s.url + "/api/v1/token", {"username": "admin", "password": SANDI})
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    yield {"server": s, "cookie": f"sikim_sesi={web.cookies['sikim_sesi']}", "token": t["token"]}
    s.berhenti()


def alat(nama):
    if shutil.which(nama) is None:
        lewati(f"{nama} tidak terpasang: pemindaian keamanan dilewati")
    return nama


def test_wapiti_tanpa_temuan(target):
    url = target["server"].url
    laporan = ARTEFAK / "wapiti.json"
    hasil = subprocess.run(
        [alat("wapiti"), "-u", url + "/", "--scope", "folder", "-m", MODUL_WAPITI, "--max-scan-time", "150",
         "--flush-session", "-f", "json", "-o", str(laporan), "-H", "Cookie: " + target["cookie"],
         # signing out or changing the scanning account's own password would end the scan's session
         "-x", url + "/keluar", "-x", url + "/akun/kata-sandi"],
        capture_output=True, text=True, timeout=600)
    (ARTEFAK / "wapiti.log").write_text(hasil.stdout + hasil.stderr)
    assert hasil.returncode == 0, hasil.stderr[-2000:]
    isi = json.loads(laporan.read_text())
    temuan = {k: v for k, v in isi.get("vulnerabilities", {}).items() if v}
    anomali = {k: v for k, v in isi.get("anomalies", {}).items() if v}
    dijelajah = isi.get("infos", {}).get("crawled_pages_nbr") or len(isi.get("infos", {}).get("crawled_pages", []))
    print(f"wapiti: {dijelajah} halaman dijelajahi; temuan {sum(map(len, temuan.values()))}, anomali {sum(map(len, anomali.values()))}")
    assert temuan == {}, json.dumps(temuan, indent=1)[:4000]
    assert anomali == {}, json.dumps(anomali, indent=1)[:4000]
    # the scan ran signed in to the end
    assert requests.get(url + "/akun", headers={"Cookie": target["cookie"]}, timeout=10).status_code == 200


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
    header = f"Authorization: Bearer {target['token']}" if kredensial == "token" else f"Cookie: {target['cookie']}"
    keluaran = ARTEFAK / "sqlmap" / nama
    hasil = subprocess.run(
        [alat("sqlmap"), "-u", target["server"].url + jalur, "--batch", "--level", "1", "--risk", "1", "--threads", "1",
         "-H", header, "--output-dir", str(keluaran), "--disable-coloring", "--flush-session"],
        capture_output=True, text=True, timeout=900)
    keluaran.mkdir(parents=True, exist_ok=True)
    (keluaran / "sqlmap.log").write_text(hasil.stdout + hasil.stderr)
    rentan = [b for b in hasil.stdout.splitlines()
              if re.search(r"is vulnerable|appears to be .*injectable|identified the following injection point", b)]
    assert "all tested parameters do not appear to be injectable" in hasil.stdout or not rentan, hasil.stdout[-3000:]
    assert rentan == [], "\n".join(rentan)


def test_masuk_tahan_injeksi(target):
    """The login form, with its CSRF token refreshed by sqlmap on every try."""
    url = target["server"].url
    keluaran = ARTEFAK / "sqlmap" / "masuk"
    hasil = subprocess.run(
        [alat("sqlmap"), "-u", url + "/masuk", "--data", "username=admin&kata_sandi=x&_csrf=x", "--csrf-token", "_csrf",
         "--csrf-url", url + "/masuk", "-p", "username,kata_sandi", "--batch", "--level", "1", "--risk", "1", "--threads", "1",
         "--output-dir", str(keluaran), "--disable-coloring", "--flush-session"],
        capture_output=True, text=True, timeout=900)
    keluaran.mkdir(parents=True, exist_ok=True)
    (keluaran / "sqlmap.log").write_text(hasil.stdout + hasil.stderr)
    rentan = [b for b in hasil.stdout.splitlines() if re.search(r"is vulnerable|identified the following injection point", b)]
    assert rentan == [], "\n".join(rentan)
