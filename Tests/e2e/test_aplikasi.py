"""Issue 20 in Chromium at 360 px: the phone app. A pengurus writes a laporan with two camera
photos while the server cannot be reached (it is stopped: no signal at all), closes the tab,
opens the app again still without a signal and finds the outbox, and the laporan goes out once
the server is back: exactly one laporan, the photos reduced and without their location (sent
as small previews first, the full photos following). An
answer lost after the server stored the laporan does not make a second one. A device whose
access was revoked keeps its items as failed, with the server's reason, and creates nothing.
A refused item is fixed on its own form and sent as the same item. A new release of the app
takes over while items wait, and they still go out, once."""
import http.client
import os
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ServerSIKIM, biner_sikim, json_api, kim_aktif, kirim_formulir, lewati, port_bebas, simpan_cuplikan, tunggu
from conftest import masuk_peramban as masuk

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
except ImportError:
    lewati("selenium tidak terpasang: uji peramban dilewati")


def foto_kamera_ber_gps(path, lebar=4000, tinggi=3000):
    """A camera-sized JPEG that says where it was taken (EXIF GPS)."""
    from PIL import Image
    exif = Image.Exif()
    exif[0x8825] = {1: "S", 2: (6.0, 3.0, 55.0), 3: "E", 4: (106.0, 7.0, 8.0)}
    Image.frombytes("RGB", (lebar, tinggi), os.urandom(lebar * tinggi * 3)).save(path, "JPEG", quality=90, exif=exif)
    assert Image.open(path).getexif().get_ifd(0x8825), "the fixture carries a location"
    return str(path)


def siap_luring(browser, url):
    """The service worker controls the page and this phone holds its device credential."""
    browser.get(url + "/aplikasi")

    # The worker installs from the first signed-in page; a page whose navigation began while it
    # was still activating stays uncontrolled (clients.claim() does not reach it): the next
    # page is controlled, as it is for a user.
    def dikendalikan(d):
        if d.execute_script("return !!navigator.serviceWorker.controller"):
            return True
        if d.execute_async_script("""const selesai = arguments[arguments.length - 1];
            navigator.serviceWorker.getRegistration().then(r => selesai(!!(r && r.active && r.active.state === 'activated')));"""):
            d.get(url + "/aplikasi")
        return False
    tunggu(browser, dikendalikan)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-perangkat"), "Ponsel ini siap"))


def formulir_tersimpan_lalu_tanpa_sinyal(dunia, browser, jalur_foto):
    """The pengurus signed in, the app ready and the report form kept on the phone; then the
    signal goes. Answers a camera photo (with a location) made at `jalur_foto`."""
    masuk(browser, dunia.url, "pengurus", "sandiuji12345")
    siap_luring(browser, dunia.url)
    browser.get(dunia.url + "/laporan/baru?kategori=infrastruktur")
    foto = foto_kamera_ber_gps(jalur_foto, 2000, 1500)
    dunia.stop()
    return foto


def isi_laporan(browser, url, judul, foto):
    browser.get(url + "/laporan/baru?kategori=infrastruktur")
    tunggu(browser, EC.presence_of_element_located((By.ID, "form-laporan")))
    isi_laporan_di_halaman(browser, judul, foto)


def isi_laporan_di_halaman(browser, judul, foto):
    browser.find_element(By.ID, "judul").send_keys(judul)
    browser.find_element(By.ID, "isi").send_keys("Tiang listrik condong ke jalan setelah hujan angin.")
    if foto:
        browser.find_element(By.ID, "foto").send_keys("\n".join(foto))
        tunggu(browser, EC.text_to_be_present_in_element((By.ID, "cek-foto"), "diperkecil"))
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))


def kotak_keluar(browser):
    return tunggu(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#kotak-keluar li")))


def daftar_laporan(url, token):
    status, body = json_api(url + "/api/v1/laporan", token=token)
    assert status == 200, body
    return body["data"]


class Dunia:
    """A server with an active KIM and its pengurus; stop() and start() keep port and data."""
    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.port = port_bebas()
        self.server = ServerSIKIM(data_dir, port=self.port)
        self.url = self.server.url
        _, t = json_api(self.url + "/api/v1/token", {"username": "admin", "password": self.server.sandi_admin_pertama()})
        self.admin = t["token"]
        kim_aktif(self.url, self.admin, "36.04.05.2001", "pengurus")

    def stop(self):
        self.server.berhenti()

    def start(self):
        self.server = ServerSIKIM(self.data_dir, port=self.port)


@pytest.fixture
def aplikasi(data_dir):
    d = Dunia(data_dir)
    yield d
    d.server.berhenti()


@pytest.fixture
def aplikasi_terpasang(data_dir, monkeypatch):
    """As `aplikasi`, run from a copy of the binary with its resources (found next to it first),
    whose files a test may change as a new release would."""
    asal = Path(biner_sikim())
    rilis = Path(data_dir) / "rilis"
    rilis.mkdir()
    shutil.copy2(asal, rilis / "sikim")
    for r in asal.parent.glob("*.resources"):
        shutil.copytree(r, rilis / r.name)
    monkeypatch.setenv("SIKIM_BIN", str(rilis / "sikim"))
    d = Dunia(data_dir)
    d.publik = rilis / "sikim_SIKIMServer.resources" / "Resources" / "Public"
    yield d
    d.server.berhenti()


def test_laporan_tanpa_sinyal_terkirim_sekali_dengan_foto_diperkecil(aplikasi, browser, data_dir):
    url = aplikasi.url
    masuk(browser, url, "pengurus", "sandiuji12345")
    siap_luring(browser, url)
    browser.get(url + "/laporan/baru?kategori=infrastruktur")  # opened once with a signal: kept
    foto = [foto_kamera_ber_gps(data_dir / f"tiang-{i}.jpg") for i in (1, 2)]

    aplikasi.stop()  # no signal
    # the camera's location is offered, not taken: here it is taken
    browser.get(url + "/laporan/baru?kategori=infrastruktur")
    browser.find_element(By.ID, "foto").send_keys(foto[0])
    tunggu(browser, EC.element_to_be_clickable((By.ID, "lokasi-foto"))).click()
    assert browser.find_element(By.ID, "lat").get_attribute("value") == "-6.065278"
    assert browser.find_element(By.ID, "lon").get_attribute("value") == "106.118889"
    isi_laporan(browser, url, "Tiang listrik condong", foto)
    item = kotak_keluar(browser)
    tunggu(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#kotak-keluar li").get_attribute("data-keadaan") == "menunggu")
    item = browser.find_element(By.CSS_SELECTOR, "#kotak-keluar li")
    assert "Tersimpan di ponsel, menunggu sinyal" in item.text and "Tiang listrik condong" in item.text
    assert "Tidak ada sinyal" in browser.find_element(By.ID, "pesan-luring").text
    simpan_cuplikan(browser, "aplikasi-kotak-keluar-luring-360")

    # the tab is closed; later, still without a signal, the app opens with its outbox
    lama = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.switch_to.window(lama)
    browser.close()
    browser.switch_to.window(browser.window_handles[0])
    browser.get(url + "/aplikasi")
    kotak_keluar(browser)  # tried on opening, and kept waiting for a signal
    tunggu(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#kotak-keluar li").get_attribute("data-keadaan") == "menunggu")

    # its first try made a small preview of each photo (sent first, so a slow link gives the
    # laporan its number in seconds) and the SHA-256 of the full photo that follows
    pratinjau = tunggu(browser, lambda d: d.execute_async_script("""
      const selesai = arguments[arguments.length - 1];
      KotakKeluar.semua().then(d => selesai(d[0].pratinjau && d[0].pratinjau.map(x => [x.berkas.size, x.janji])));"""))
    assert len(pratinjau) == 2 and all(0 < b <= 48 * 1024 and len(j) == 64 for b, j in pratinjau), pratinjau

    aplikasi.start()  # the signal returns; opening a page sends the outbox
    browser.get(url + "/aplikasi")
    tunggu(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#kotak-keluar li[data-keadaan='terkirim'] .nomor-terkirim")))
    nomor = browser.find_element(By.CSS_SELECTOR, ".nomor-terkirim").text
    simpan_cuplikan(browser, "aplikasi-terkirim-360")

    laporan = daftar_laporan(url, aplikasi.admin)
    assert [(l["nomor"], l["judul"]) for l in laporan] == [(nomor, "Tiang listrik condong")]
    assert laporan[0]["kanal"] in ("aplikasi", "aplikasi_luring") and len(laporan[0]["foto"]) == 2
    from PIL import Image
    # the full photos took the previews' place
    disimpan = [p for p in (Path(data_dir) / "foto").rglob("*") if p.is_file()]
    assert len(disimpan) == 2, disimpan
    for p in disimpan:
        with Image.open(p) as im:
            assert max(im.size) == 1600, (p, im.size)
            assert not im.getexif().get_ifd(0x8825), f"{p}: location left in the photo"
        assert p.stat().st_size < 2 * 1024 * 1024, p.stat().st_size


class ProksiPemutus:
    """Between the browser and the server: passes everything on, but can forward a form post
    and then drop the connection before the answer arrives (the server did store it)."""
    def __init__(self, tujuan_port):
        self.putus = set()
        proksi = self

        class Penangan(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def teruskan(self):
                badan = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                hulu = http.client.HTTPConnection("127.0.0.1", tujuan_port, timeout=60)
                kepala = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive", "proxy-connection")}
                hulu.request(self.command, self.path, body=badan or None, headers=kepala)
                jawab = hulu.getresponse()
                isi = jawab.read()
                if (self.command, self.path) in proksi.putus:
                    # stored upstream; the answer is lost on the way (every time: a browser
                    # retries a post whose reused connection dropped)
                    self.close_connection = True
                    return
                self.send_response(jawab.status, jawab.reason)
                for k, v in jawab.getheaders():
                    if k.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(isi)))
                self.end_headers()
                self.wfile.write(isi)

            do_GET = do_POST = do_DELETE = teruskan

        self.http = ThreadingHTTPServer(("127.0.0.1", port_bebas()), Penangan)
        self.url = f"http://127.0.0.1:{self.http.server_port}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def tutup(self):
        self.http.shutdown()
        self.http.server_close()


def test_jawaban_hilang_setelah_disimpan_tidak_membuat_laporan_kedua(aplikasi, browser):
    proksi = ProksiPemutus(aplikasi.port)
    try:
        url = proksi.url
        masuk(browser, url, "pengurus", "sandiuji12345")
        siap_luring(browser, url)
        proksi.putus.add(("POST", "/laporan"))
        isi_laporan(browser, url, "Jembatan bambu patah", [])
        tunggu(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#kotak-keluar li[data-keadaan='terkirim'] .nomor-terkirim")))
        nomor = browser.find_element(By.CSS_SELECTOR, ".nomor-terkirim").text
        laporan = daftar_laporan(aplikasi.url, aplikasi.admin)
        assert [(l["nomor"], l["judul"]) for l in laporan] == [(nomor, "Jembatan bambu patah")], "one laporan, the same one"
    finally:
        proksi.tutup()


def test_perangkat_dicabut_kiriman_gagal_dengan_pesan_dan_tidak_dibuat(aplikasi, browser):
    url = aplikasi.url
    masuk(browser, url, "pengurus", "sandiuji12345")
    siap_luring(browser, url)
    browser.get(url + "/laporan/baru?kategori=infrastruktur")
    aplikasi.stop()
    isi_laporan(browser, url, "Pohon tumbang di jalan desa", [])
    tunggu(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#kotak-keluar li").get_attribute("data-keadaan") == "menunggu")

    browser.get("about:blank")  # the phone lies in a drawer: no page is open to send
    aplikasi.start()
    # the phone is reported stolen: its access is revoked in one step, from the account
    _, p = json_api(url + "/api/v1/token", {"username": "pengurus", "password": "sandiuji12345"})
    _, daftar = json_api(url + "/api/v1/saya/token", token=p["token"])
    ponsel = [t for t in daftar["data"] if t["nama"].startswith("Aplikasi di ponsel") and not t.get("dicabut_pada")]
    assert len(ponsel) == 1, daftar
    status, _ = json_api(url + f"/api/v1/token/{ponsel[0]['id']}", token=p["token"], method="DELETE")
    assert status in (200, 204)

    # the phone was signed out with it: its pages ask for the password again
    browser.get(url + "/aplikasi")
    assert "Silakan masuk terlebih dahulu" in browser.find_element(By.TAG_NAME, "main").text
    # its owner got it back and signs in: what was written before is refused, not lost
    masuk(browser, url, "pengurus", "sandiuji12345")
    browser.get(url + "/aplikasi")
    # (the list is drawn again on each change of the outbox: read it whole each time)
    gagal = tunggu(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#kotak-keluar li[data-keadaan='gagal']").text)
    assert "tidak lagi berhak mengirim" in gagal, gagal
    assert "Pohon tumbang di jalan desa" in gagal, "kept on the phone, not lost"
    simpan_cuplikan(browser, "aplikasi-dicabut-360")
    assert daftar_laporan(url, aplikasi.admin) == []


def test_kegiatan_dan_laporan_penyebaran_lewat_kotak_keluar_yang_sama(aplikasi, browser):
    import datetime
    url = aplikasi.url
    batas = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
    status, materi = json_api(url + "/api/v1/diseminasi", {
        "judul": "Waspada hoaks bantuan sosial", "ringkasan": "Bantuan tidak dipungut biaya", "isi": "Laporkan pungutan.",
        "jenis": "layanan_publik", "batas_waktu": batas, "sasaran": "kecamatan", "kecamatan": ["36.04.05"]}, token=aplikasi.admin)
    assert status == 201, materi
    masuk(browser, url, "pengurus", "sandiuji12345")
    siap_luring(browser, url)
    browser.get(url + "/")
    kim = browser.find_element(By.LINK_TEXT, "Catat kegiatan").get_attribute("href").split("/kim/")[1].split("#")[0]
    for jalur in (f"/kim/{kim}", f"/diseminasi/{materi['id']}"):
        browser.get(url + jalur)  # opened once with a signal: kept

    aplikasi.stop()
    browser.get(url + f"/kim/{kim}")
    form = browser.find_element(By.ID, "form-kegiatan")
    if not form.is_displayed():
        browser.find_element(By.XPATH, "//summary[normalize-space()='Catat kegiatan']").click()
    browser.find_element(By.ID, "k-tempat").send_keys("Pos ronda RT 02")
    browser.find_element(By.ID, "k-uraian").send_keys("Membahas hoaks bantuan sosial bersama warga.")
    browser.find_element(By.ID, "k-peserta").send_keys("30")
    kirim_formulir(browser, form)
    kotak_keluar(browser)
    browser.get(url + f"/diseminasi/{materi['id']}")
    browser.find_element(By.CSS_SELECTOR, "input[name='saluran[]']").click()
    browser.find_element(By.ID, "jangkauan").send_keys("120")
    kirim_formulir(browser, browser.find_element(By.ID, "form-penyebaran"))
    tunggu(browser, lambda d: [li.get_attribute("data-keadaan") for li in d.find_elements(By.CSS_SELECTOR, "#kotak-keluar li")]
           == ["menunggu", "menunggu"])

    aplikasi.start()
    browser.get(url + "/aplikasi")
    tunggu(browser, lambda d: [li.get_attribute("data-keadaan") for li in d.find_elements(By.CSS_SELECTOR, "#kotak-keluar li")]
           == ["terkirim", "terkirim"])
    status, kegiatan = json_api(url + f"/api/v1/kegiatan?kim_id={kim}", token=aplikasi.admin)
    assert status == 200 and [k["tempat"] for k in kegiatan["data"]] == ["Pos ronda RT 02"], kegiatan
    status, m = json_api(url + f"/api/v1/diseminasi/{materi['id']}", token=aplikasi.admin)
    assert m["cakupan"]["disebarkan"] == 1 and m["cakupan"]["jangkauan"] == 120, m


def test_kiriman_ditolak_diperbaiki_di_formulirnya_dan_dikirim_sebagai_kiriman_yang_sama(aplikasi, browser, data_dir):
    url = aplikasi.url
    foto = formulir_tersimpan_lalu_tanpa_sinyal(aplikasi, browser, data_dir / "gorong.jpg")
    # written without a signal, with a point the server will not take (outside the kabupaten)
    browser.get(url + "/laporan/baru?kategori=infrastruktur")
    browser.find_element(By.ID, "lat").send_keys("-7.5")
    browser.find_element(By.ID, "lon").send_keys("106.1")
    isi_laporan_di_halaman(browser, "Gorong-gorong tersumbat", [foto])
    tunggu(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#kotak-keluar li").get_attribute("data-keadaan") == "menunggu")

    aplikasi.start()
    browser.get(url + "/aplikasi")
    gagal = tunggu(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#kotak-keluar li[data-keadaan='gagal']")))
    assert "Koordinat harus berada di" in gagal.text, gagal.text
    gagal.find_element(By.XPATH, ".//button[normalize-space()='Perbaiki']").click()

    # its form again, as it was written, photo included, with the server's reason
    tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-perbaiki")))
    assert "Koordinat harus berada di" in browser.find_element(By.ID, "pesan-perbaiki").text
    assert browser.find_element(By.ID, "judul").get_attribute("value") == "Gorong-gorong tersumbat"
    assert browser.execute_script("return document.getElementById('foto').files.length") == 1
    lat = browser.find_element(By.ID, "lat")
    assert lat.get_attribute("value") == "-7.5"
    lat.clear()
    lat.send_keys("-6.06\t")  # leaving the field redraws the pin and its note: done before the button moves
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))
    tunggu(browser, lambda d: "/laporan/" in d.current_url and "baru" not in d.current_url)

    laporan = daftar_laporan(url, aplikasi.admin)
    assert [(l["judul"], l["lat"], len(l["foto"])) for l in laporan] == [("Gorong-gorong tersumbat", -6.06, 1)], laporan
    browser.get(url + "/aplikasi")
    tunggu(browser, EC.visibility_of_element_located((By.ID, "kosong-kotak-keluar")))
    assert browser.find_elements(By.CSS_SELECTOR, "#kotak-keluar li") == [], "the fixed item left the outbox"


def test_versi_baru_aplikasi_mengambil_alih_tanpa_menghilangkan_kotak_keluar(aplikasi_terpasang, browser, data_dir):
    a = aplikasi_terpasang
    url = a.url
    foto = formulir_tersimpan_lalu_tanpa_sinyal(a, browser, data_dir / "banjir.jpg")
    isi_laporan(browser, url, "Banjir setinggi lutut", [foto])
    tunggu(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#kotak-keluar li").get_attribute("data-keadaan") == "menunggu")
    browser.get("about:blank")  # no page of the app open: nothing sends the outbox meanwhile

    # a new release: its service worker differs and names its caches anew
    sw = a.publik / "sw.js"
    lama = sw.read_text()
    assert "'sikim-halaman-1', ASET = 'sikim-aset-1'" in lama
    sw.write_text(lama.replace("'sikim-halaman-1', ASET = 'sikim-aset-1'", "'sikim-halaman-2', ASET = 'sikim-aset-2'"))
    a.start()
    browser.get(url + "/healthz")  # of the app's origin, without the outbox's script
    hasil = browser.execute_async_script("""
      const selesai = arguments[arguments.length - 1];
      const tidur = ms => new Promise(ok => setTimeout(ok, ms));
      navigator.serviceWorker.getRegistration().then(r => r.update()).then(function diambilAlih() {
        // the new version took over (its activation drops the old version's caches)
        return caches.keys().then(k => k.includes('sikim-halaman-2') && !k.includes('sikim-halaman-1') ? k : tidur(200).then(diambilAlih));
      }).then(k => new Promise((ok, gagal) => {
        const r = indexedDB.open('sikim');
        r.onerror = () => gagal(r.error);
        r.onsuccess = () => {
          const q = r.result.transaction('kiriman').objectStore('kiriman').getAll();
          q.onsuccess = () => ok([k.sort(), q.result.map(i => [i.keadaan, i.judul, i.berkas.length])]);
        };
      })).then(selesai, e => selesai(String(e)));""")
    assert hasil == [["sikim-halaman-2"], [["menunggu", "Banjir setinggi lutut", 1]]], hasil

    browser.get(url + "/aplikasi")  # the new version's page sends what the old one kept
    tunggu(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#kotak-keluar li[data-keadaan='terkirim'] .nomor-terkirim")))
    laporan = daftar_laporan(url, a.admin)
    assert [(l["judul"], len(l["foto"])) for l in laporan] == [("Banjir setinggi lutut", 1)], laporan


def test_batas_setiap_desa_kim_tersimpan_untuk_memeriksa_titik_tanpa_sinyal(aplikasi, browser):
    url = aplikasi.url
    kim_aktif(url, aplikasi.admin, "36.04.05", "pengurus_kec", tingkat="kecamatan")
    masuk(browser, url, "pengurus_kec", "sandiuji12345")
    siap_luring(browser, url)
    browser.get(url + "/laporan/baru?kategori=infrastruktur")  # with a signal: every desa's boundary is kept
    desa = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#kode_wilayah option") if o.get_attribute("value")]
    assert len(desa) > 5 and "36.04.05.2001" in desa, desa
    tunggu(browser, lambda d: d.execute_async_script("""
      const selesai = arguments[arguments.length - 1];
      caches.keys().then(n => Promise.all(n.map(x => caches.open(x).then(c => c.keys()))))
        .then(k => selesai([].concat(...k).filter(r => /\\/batas$/.test(r.url)).length));""") == len(desa))

    aplikasi.stop()
    browser.get(url + "/laporan/baru?kategori=infrastruktur")
    assert "Tidak ada sinyal" in browser.find_element(By.ID, "pesan-luring").text
    from selenium.webdriver.support.ui import Select
    lain = next(k for k in desa if k != "36.04.05.2001")
    Select(browser.find_element(By.ID, "kode_wilayah")).select_by_value(lain)
    tunggu(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#peta-lokasi svg")))  # its map, from the phone
    # a point far south of Kramatwatu: a warning, not a refusal
    browser.find_element(By.ID, "lat").send_keys("-6.30")
    browser.find_element(By.ID, "lon").send_keys("106.35\t")
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "pesan-lokasi"), "Titik ini di luar"))
