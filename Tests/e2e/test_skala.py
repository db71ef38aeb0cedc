"""At kabupaten scale: `sikim demo` generates every region's KIM, 20,000 laporan, 5,000 kegiatan
and 20 materi; every audit chain verifies, and the dashboard's figures equal direct counts."""
import os
import sqlite3
import subprocess
from urllib.parse import urlparse

import pytest
from conftest import ServerSIKIM, biner_sikim, json_api, masuk_peramban, simpan_cuplikan


def jalankan(env, *args):
    return subprocess.run([biner_sikim(), *args], env=env, capture_output=True, text=True, timeout=600)


def lingkungan(data_dir, database_url=None):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SIKIM_ADMIN_PASSWORD")}
    env.update({"SIKIM_DATA_DIR": str(data_dir), "SIKIM_ADMIN_PASSWORD": "adminrahasia123"})
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def hitung_sqlite(data_dir):
    db = sqlite3.connect(str(data_dir / "sikim.sqlite"))
    return lambda q: db.execute(q).fetchall()


def hitung_postgres(url):
    u = urlparse(url)
    def q(teks):
        out = subprocess.run(["psql", "-At", "-F", "|", "-h", u.hostname, "-p", str(u.port), "-U", u.username, "-d", u.path.lstrip("/"), "-c", teks],
                             env={**os.environ, "PGPASSWORD": u.password}, capture_output=True, text=True, check=True).stdout
        return [tuple(int(x) if x.isdigit() else x for x in baris.split("|")) for baris in out.strip().splitlines()]
    return q


def periksa(server_url, q):
    _, t = json_api(server_url + "/api/v1/token", {"username": "admin", "password": "adminrahasia123"})
    token = t["token"]
    _, s = json_api(server_url + "/api/v1/statistik?dari=2000-01-01&sampai=2100-12-31", token=token)
    lap = s["laporan"]
    assert lap["jumlah"] == q("SELECT COUNT(*) FROM laporan")[0][0] == 20000
    for status, n in q("SELECT status, COUNT(*) FROM laporan GROUP BY status"):
        assert lap["per_status"][status] == n, status
    for kategori, n in q("SELECT kode_kategori, COUNT(*) FROM laporan GROUP BY kode_kategori"):
        assert lap["per_kategori"][kategori] == n, kategori
    keputusan = q("SELECT COUNT(*) FROM laporan WHERE status NOT IN ('masuk', 'klarifikasi')")[0][0]
    sla = lap["sla"]["verifikasi"]
    assert sla["tepat"] + sla["terlambat"] + sla["berjalan"] == 20000
    assert sla["tepat"] + sla["terlambat"] >= keputusan
    _, p = json_api(server_url + "/api/v1/statistik/pembentukan", token=token)
    for status, n in q("SELECT status, COUNT(*) FROM kim GROUP BY status"):
        assert p["per_status"][status] == n, status
    assert p["kim_desa"]["target"] == 326 and p["kim_kecamatan"]["target"] == 29
    assert s["kim"]["disahkan"] == q("SELECT COUNT(*) FROM kim WHERE status = 'aktif'")[0][0]
    assert s["diseminasi"]["disebarkan"] == q("SELECT COUNT(*) FROM materi_penerima WHERE status = 'disebarkan'")[0][0]
    assert s["diseminasi"]["jangkauan"] == q("SELECT COALESCE(SUM(jangkauan), 0) FROM materi_penerima WHERE status = 'disebarkan'")[0][0]


def dasbor_di_peramban(browser, server_url, basis):
    """The admin's dashboard draws its laporan and formation charts, data tables and map at this size."""
    from selenium.webdriver.common.by import By
    masuk_peramban(browser, server_url, "admin", "adminrahasia123")
    browser.get(server_url + "/dasbor?dari=2000-01-01&sampai=2100-12-31&peta=laporan")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.peta path")) == 29
    assert browser.find_element(By.ID, "peta-judul").get_attribute("textContent") == "Peta jumlah laporan per kecamatan"
    grafik = [e.get_attribute("aria-label") for e in browser.find_elements(By.CSS_SELECTOR, "svg.grafik")]
    for judul in ("Laporan per kategori", "Jumlah KIM dibentuk dan disahkan per hari (kumulatif)"):
        assert judul in grafik, grafik
    for tabel in ("tabel-kategori-laporan", "tabel-sla", "tabel-laporan-kecamatan", "tabel-harian"):
        assert browser.find_elements(By.CSS_SELECTOR, f"#{tabel} tbody tr"), tabel
    simpan_cuplikan(browser, f"dasbor-skala-{basis}-360")


@pytest.mark.parametrize("basis", ["sqlite", "postgresql"])
def test_dasbor_skala_kabupaten_sama_dengan_hitungan_langsung(data_dir, browser, basis):
    url = None
    if basis == "postgresql":
        url = os.environ.get("SIKIM_E2E_SKALA_DATABASE_URL")
        if not url:
            pytest.skip("SIKIM_E2E_SKALA_DATABASE_URL tidak diset: uji skala PostgreSQL dilewati")
        # an earlier run's data would make the demo refuse: start from an empty database
        hitung_postgres(url)("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    env = lingkungan(data_dir, url)
    demo = jalankan(env, "demo", "--skala", "kabupaten")
    assert demo.returncode == 0, demo.stderr
    assert "355 KIM, 20000 laporan, 5000 kegiatan, 20 materi" in demo.stdout
    audit = jalankan(env, "audit", "verify")
    assert audit.returncode == 0, audit.stderr
    assert "20000 laporan diperiksa" in audit.stdout
    server = ServerSIKIM(data_dir, {k: v for k, v in env.items() if k in ("DATABASE_URL", "SIKIM_ADMIN_PASSWORD")})
    try:
        periksa(server.url, hitung_postgres(url) if url else hitung_sqlite(data_dir))
        dasbor_di_peramban(browser, server.url, basis)
    finally:
        server.berhenti()
