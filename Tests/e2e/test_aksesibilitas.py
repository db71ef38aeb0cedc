"""Issue 19: axe-core (a current 4.x, vendored in `vendor/axe.min.js`, MPL-2.0) on every page
each role can reach, at 1280 and 360 px, with no moderate, serious or critical violation. The pages are
found by following links from the home page of each role, on kabupaten demo data (one page per
route shape), so a new page is checked without being listed here. Each role's home page and
inbox at 360 px are kept as screenshots. The same walk weighs every page: with its CSS, at most
30 KB as it travels (compressed)."""
import json
import os
import re
import sqlite3
import subprocess
from collections import deque
from urllib.parse import urljoin, urlparse, parse_qsl

import pytest
from conftest import ARTEFAK, ServerSIKIM, biner_sikim, json_api, lewati, simpan_cuplikan
from conftest import masuk_peramban as masuk

AXE = os.path.join(os.path.dirname(__file__), "vendor", "axe.min.js")
SANDI_DEMO = "demo-sandi-123"
BATAS_PER_PERAN = 90
LEBAR = (1280, 360)
BATAS_BOBOT = 30 * 1024
# Downloads and files are not pages; signing out would end the crawl.
BUKAN_HALAMAN = re.compile(r"^/(api/|keluar)|/(foto|lampiran|unduh|berkas)/|\.(xlsx|csv|json|pdf|png|jpe?g|svg|css|js)$|/ekspor|/rekap/unduh|/dokumen/")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("axe")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({"SIKIM_DATA_DIR": str(data_dir), "SIKIM_ADMIN_PASSWORD": "adminrahasia123"})
    hasil = subprocess.run([biner_sikim(), "demo", "--skala", "kabupaten", "--laporan", "1500"], env=env,
                           capture_output=True, text=True, timeout=600)
    assert hasil.returncode == 0, hasil.stderr
    # SMS on (through gammu, whose inject command is a no-op here) with a citizen's message, so
    # the triage inbox, the outbox page and the number form are crawled too.
    kanal = {"SIKIM_SMS_GAMMU": "ya", "SIKIM_GAMMU_INJECT": "true"}
    hasil = subprocess.run([biner_sikim(), "sms", "terima", "--id", "IN1.txt"], env={**env, **kanal, "SMS_MESSAGES": "1",
                           "SMS_1_NUMBER": "+6285711112222", "SMS_1_TEXT": "Ada pohon tumbang menutup jalan di Cikande"},
                           capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    server = ServerSIKIM(data_dir, {"SIKIM_ADMIN_PASSWORD": "adminrahasia123", **kanal})
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": "adminrahasia123"})
    for akun in ({"username": "op.kec", "peran": "operator_kecamatan", "kode_wilayah": "36.04.05"},
                 {"username": "op.desa", "peran": "operator_desa", "kode_wilayah": "36.04.05.2001"},
                 {"username": "opd.dpmptsp", "peran": "opd", "kode_opd": "dpmptsp"}):
        akun.update({"nama": "Uji " + akun["username"], "kata_sandi": SANDI_DEMO})
        status, body = json_api(server.url + "/api/v1/pengguna", akun, token=t["token"])
        assert status == 201, body
    with sqlite3.connect(data_dir / "sikim.sqlite") as db:
        pengurus = db.execute("SELECT username FROM pengguna WHERE peran = 'pengurus_kim' ORDER BY username LIMIT 1").fetchone()[0]
    yield server, pengurus
    server.berhenti()


def bentuk(url):
    """One page per route shape: ids and region codes become placeholders; query keys count,
    and the values of the tab-like keys too."""
    u = urlparse(url)
    jalur = re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}", "{id}", u.path)
    jalur = re.sub(r"\d{2}(\.\d{2}){1,2}(\.\d{4})?", "{kode}", jalur)
    kueri = sorted(k if k not in ("status", "tahap", "tab", "peta") else f"{k}={v}" for k, v in parse_qsl(u.query))
    return jalur + "?" + "&".join(k for k in kueri if k.split("=")[0] not in ("halaman", "setelah", "cursor", "sebelum"))


def ukuran(driver, lebar):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": lebar, "height": 800, "deviceScaleFactor": 1, "mobile": lebar < 600})


def axe(driver, skrip):
    driver.execute_script(skrip)
    hasil = driver.execute_async_script(
        "const cb = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => cb(r.violations), e => cb({galat: String(e)}));")
    assert not isinstance(hasil, dict), hasil
    return [v for v in hasil if v["impact"] in ("moderate", "serious", "critical")]


PERAN = [("publik", None), ("admin", "admin"), ("verifikator", "demo.verifikator"), ("operator_kecamatan", "op.kec"),
         ("operator_desa", "op.desa"), ("opd", "opd.dpmptsp"), ("pengurus_kim", "pengurus")]


@pytest.mark.parametrize("peran,akun", PERAN, ids=[p for p, _ in PERAN])
def test_axe_tanpa_pelanggaran(demo, browser, peran, akun):
    server, pengurus = demo
    if not os.path.exists(AXE):
        lewati("vendor/axe.min.js tidak ada")
    skrip = open(AXE).read()
    browser.delete_all_cookies()
    if akun:
        sandi = "adminrahasia123" if akun == "admin" else SANDI_DEMO
        masuk(browser, server.url, pengurus if akun == "pengurus" else akun, sandi)
    asal = urlparse(server.url).netloc
    antrean, dilihat, temuan, halaman, berat = deque(["/"]), set(), [], [], {}
    while antrean and len(halaman) < BATAS_PER_PERAN:
        jalur = antrean.popleft()
        b = bentuk(jalur)
        if b in dilihat:
            continue
        dilihat.add(b)
        ukuran(browser, LEBAR[0])
        browser.get(server.url + jalur)
        if browser.execute_script("return document.contentType") != "text/html":
            continue
        halaman.append(jalur)
        # compressed bytes of the page and of its style sheets (from the cache too)
        bobot = browser.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "return n.encodedBodySize + performance.getEntriesByType('resource')"
            ".filter(r => r.initiatorType === 'link').reduce((a, r) => a + r.encodedBodySize, 0);")
        berat[jalur] = bobot
        if bobot > BATAS_BOBOT:
            temuan.append({"halaman": jalur, "lebar": LEBAR[0], "aturan": "bobot", "dampak": "serious",
                           "bantuan": f"{bobot} bita terkompresi", "elemen": []})
        for lebar in LEBAR:
            ukuran(browser, lebar)
            for v in axe(browser, skrip):
                temuan.append({"halaman": jalur, "lebar": lebar, "aturan": v["id"], "dampak": v["impact"],
                               "bantuan": v["help"], "elemen": [n["target"] for n in v["nodes"][:5]]})
        for href in browser.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"):
            u = urlparse(urljoin(browser.current_url, href))
            if u.netloc == asal and not BUKAN_HALAMAN.search(u.path):
                antrean.append(u.path + ("?" + u.query if u.query else ""))
    # the role's home and inbox at phone width, kept for people to look at
    ukuran(browser, 360)
    for nama, jalur in (("beranda", "/"), ("kotak-masuk", "/laporan" if akun else "/informasi")):
        browser.get(server.url + jalur)
        simpan_cuplikan(browser, f"{nama}-{peran}-360")
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    (ARTEFAK / f"axe-{peran}.json").write_text(json.dumps({"halaman": halaman, "bobot_terbesar": sorted(berat.items(), key=lambda x: -x[1])[:5], "temuan": temuan}, indent=1, ensure_ascii=False))
    assert len(halaman) >= 5, halaman
    assert not temuan, "\n".join(f"{t['lebar']}px {t['halaman']}: {t['aturan']} ({t['dampak']}) {t['elemen']}" for t in temuan)
