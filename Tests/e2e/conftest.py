"""Fixtures for SIKIM's browser and command-line tests.

Each server is the real `sikim` binary on a free loopback port with its own temporary data
directory. Readiness is polled on /healthz; nothing waits for a fixed time.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[2]
ARTEFAK = Path(os.environ.get("SIKIM_ARTIFACTS", AKAR / "artifacts"))


def lewati(alasan):
    """Skip locally; in CI (SIKIM_E2E_WAJIB=1) a missing tool is a failure, not a skip."""
    if os.environ.get("SIKIM_E2E_WAJIB") == "1":
        pytest.fail(alasan + " (SIKIM_E2E_WAJIB=1)")
    pytest.skip(alasan)


def biner_sikim():
    jalur = Path(os.environ.get("SIKIM_BIN", AKAR / ".build" / "debug" / "sikim"))
    if not jalur.exists():
        lewati(f"biner sikim tidak ada di {jalur}: jalankan 'swift build' atau set SIKIM_BIN")
    return str(jalur)


def port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerSIKIM:
    """One `sikim serve` process."""

    def __init__(self, data_dir, env=None, port=None):
        self.port = port or port_bebas()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.log = Path(data_dir) / f"server-{self.port}.log"
        lingkungan = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SIKIM_ADMIN_PASSWORD")}
        lingkungan["SIKIM_DATA_DIR"] = str(data_dir)
        lingkungan.update(env or {})
        self._keluaran = open(self.log, "wb")
        self.proses = subprocess.Popen(
            [biner_sikim(), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            env=lingkungan, stdout=self._keluaran, stderr=subprocess.STDOUT, cwd=str(data_dir))
        self._tunggu_siap()

    def _tunggu_siap(self, batas=90):
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if self.proses.poll() is not None:
                raise RuntimeError(f"server berhenti (kode {self.proses.returncode}):\n{self.keluaran()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)  # polling interval, not a wait for readiness
        raise RuntimeError(f"server tidak siap dalam {batas} detik:\n{self.keluaran()}")

    def keluaran(self):
        return self.log.read_text(errors="replace")

    def sandi_admin_pertama(self):
        m = re.search(r"Kata sandi\s*:\s*(\S+)", self.keluaran())
        return m.group(1) if m else None

    def berhenti(self):
        if self.proses.poll() is None:
            self.proses.terminate()
            try:
                self.proses.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proses.kill()
                self.proses.wait()
        self._keluaran.close()


@pytest.fixture
def data_dir():
    d = tempfile.mkdtemp(prefix="sikim-e2e-")
    yield Path(d)
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def server(data_dir):
    """A fresh server on a fresh SQLite database: a true first run."""
    s = ServerSIKIM(data_dir)
    yield s
    s.berhenti()


def json_api(url, data=None, token=None, method=None):
    """A small JSON client: returns (status, body)."""
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


@pytest.fixture
def browser():
    """Headless Chromium at a phone's width (360 px)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        lewati("selenium tidak terpasang: uji peramban dilewati")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromium).exists() and Path(driver_path).exists()):
        lewati("Chromium atau chromedriver tidak ada: uji peramban dilewati")
    os.environ.setdefault("SE_OFFLINE", "true")
    opsi = webdriver.ChromeOptions()
    opsi.binary_location = chromium
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=id"):
        opsi.add_argument(a)
    # A desktop window cannot be narrower than 500 px; emulate a phone's metrics instead.
    opsi.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 800, "pixelRatio": 2}})
    d = webdriver.Chrome(service=Service(driver_path), options=opsi)
    d.set_page_load_timeout(30)
    yield d
    d.quit()


def simpan_cuplikan(driver, nama):
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTEFAK / f"{nama}.png"))


# Shared browser helpers. Every form submission waits for the old page to go away, and
# waits ignore the transient errors a poll can hit while a new page is loading.

def tunggu(driver, kondisi, batas=30):
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, batas, ignored_exceptions=(WebDriverException,)).until(kondisi)


def kirim_formulir(driver, form):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    lama = driver.find_element(By.TAG_NAME, "html")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    tunggu(driver, EC.staleness_of(lama))


def masuk_peramban(driver, url, username, sandi):
    from selenium.webdriver.common.by import By
    driver.delete_all_cookies()
    driver.get(url + "/masuk")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "kata_sandi").send_keys(sandi)
    kirim_formulir(driver, driver.find_element(By.CSS_SELECTOR, "form.formulir"))


def muat_di_layar(driver):
    """No horizontal scrolling of the page on the (emulated) phone screen."""
    lebar, layar = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert lebar <= layar, f"page is {lebar}px wide on a {layar}px screen: {driver.current_url}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed test, keep what explains it: the page (screenshot, HTML) and the server log."""
    hasil = yield
    laporan = hasil.get_result()
    if laporan.when != "call" or not laporan.failed:
        return
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    bagian = []
    driver = item.funcargs.get("browser")
    if driver is not None:
        try:
            driver.save_screenshot(str(ARTEFAK / f"gagal-{item.name}.png"))
            (ARTEFAK / f"gagal-{item.name}.html").write_text(driver.page_source)
            bagian.append(f"URL: {driver.current_url}\n{driver.find_element('tag name', 'body').text[:3000]}")
        except Exception as e:  # the browser may itself be the failure
            bagian.append(f"(peramban tidak bisa dibaca: {e})")
    server = item.funcargs.get("server")
    if server is not None:
        bagian.append("Log server (akhir):\n" + server.keluaran()[-6000:])
    laporan.sections.append(("diagnosis", "\n\n".join(bagian)))


def kim_aktif(url, token, kode, username, tingkat="desa"):
    """An active KIM in a desa (or a kecamatan), with its board and a pengurus account (password sandiuji12345)."""
    papan = [{"nama": n, "jabatan": j, "jenis_kelamin": "L", "nomor_hp": hp, "tahun_lahir": 1985}
             for n, j, hp in (("Ketua", "ketua", "081200000001"), ("Sekretaris", "sekretaris", "081200000002"),
                              ("Bendahara", "bendahara", "081200000003"))]
    status, kim = json_api(url + "/api/v1/kim", {"tingkat": tingkat, "kode_wilayah": kode, "tanggal_pembentukan": "2024-05-16",
                                                 "tempat_pembentukan": "Balai desa", "pengurus": papan}, token=token)
    assert status == 201, kim
    desa = [{"ke": "disahkan_desa", "nomor_sk": "1", "tanggal_sk": "2024-05-17"}] if tingkat == "desa" else []
    for langkah in [{"ke": "diajukan"}] + desa + [{"ke": "aktif", "nomor_sk": "2", "tanggal_sk": "2024-05-18"}]:
        status, body = json_api(url + f"/api/v1/kim/{kim['id']}/transisi", langkah, token=token)
        assert status == 200, body
    status, body = json_api(url + "/api/v1/pengguna", {"username": username, "nama": "Pengurus " + kode, "kata_sandi": "sandiuji12345",
                                                       "peran": "pengurus_kim", "kim_id": kim["id"]}, token=token)
    assert status == 201, body
