"""The verification journey in Chromium at phone width: a pengurus submits information with a
photo, a verifikator asks for clarification, the pengurus answers, two verifikator confirm it
(perizinan is sensitive), it is forwarded to DPMPTSP, the OPD records follow-up and closes it,
and the pengurus sees the outcome. Forwarding before verification is refused."""
import base64
import struct
import zlib

from conftest import json_api, kirim_formulir, lewati, muat_di_layar, simpan_cuplikan, tunggu
from conftest import masuk_peramban as masuk

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    lewati("selenium tidak terpasang: uji peramban dilewati")


def png_kecil(path):
    """A real 8×8 PNG, written without image libraries."""
    def potong(jenis, data):
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(">I", zlib.crc32(jenis + data) & 0xFFFFFFFF)
    baris = b"".join(b"\x00" + b"\x2a\x6a\xb0" * 8 for _ in range(8))
    isi = b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) \
        + potong(b"IDAT", zlib.compress(baris)) + potong(b"IEND", b"")
    path.write_bytes(isi)
    return str(path)


def tindakan(driver, aksi):
    return driver.find_element(By.CSS_SELECTOR, f"button[data-aksi='{aksi}']").find_element(By.XPATH, "..")


def test_perjalanan_verifikasi_laporan(server, browser, data_dir):
    sandi = server.sandi_admin_pertama()
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": sandi})
    admin = t["token"]
    status, kim = json_api(server.url + "/api/v1/kim", {"tingkat": "desa", "kode_wilayah": "36.04.05.2001"}, token=admin)
    assert status == 201, kim
    for akun in ({"username": "pengurus", "peran": "pengurus_kim", "kim_id": kim["id"]},
                 {"username": "verif1", "peran": "verifikator"}, {"username": "verif2", "peran": "verifikator"},
                 {"username": "dpmptsp", "peran": "opd", "kode_opd": "dpmptsp"}):
        akun.update({"nama": "Petugas " + akun["username"], "kata_sandi": "sandiuji12345"})
        status, body = json_api(server.url + "/api/v1/pengguna", akun, token=admin)
        assert status == 201, body

    # the pengurus submits, on a phone, with a photo
    masuk(browser, server.url, "pengurus", "sandiuji12345")
    browser.get(server.url + "/laporan/baru")
    browser.find_element(By.LINK_TEXT, "Perizinan / Usaha Tanpa Izin").click()
    tunggu(browser, EC.presence_of_element_located((By.ID, "form-laporan")))
    browser.find_element(By.ID, "judul").send_keys("Pabrik pengolahan plastik tanpa izin")
    browser.find_element(By.ID, "isi").send_keys("Sejak dua minggu ada pabrik beroperasi di dekat sawah, tanpa papan izin.")
    browser.find_element(By.ID, "j-nama_usaha").send_keys("CV Plastik Jaya")
    Select(browser.find_element(By.ID, "kerahasiaan")).select_by_value("rahasia")
    browser.find_element(By.ID, "foto").send_keys(png_kecil(data_dir / "lokasi.png"))
    muat_di_layar(browser)
    simpan_cuplikan(browser, "laporan-form-360")
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Masuk"))
    halaman = browser.current_url
    assert "terkirim" in browser.find_element(By.CSS_SELECTOR, ".kilat").text
    assert len(browser.find_elements(By.CSS_SELECTOR, ".galeri img")) == 1

    # the verifikator asks; forwarding is not even offered before verification
    masuk(browser, server.url, "verif1", "sandiuji12345")
    browser.get(halaman)
    assert not browser.find_elements(By.CSS_SELECTOR, "button[data-aksi='teruskan']")
    form = tindakan(browser, "tanya")
    form.find_element(By.NAME, "catatan").send_keys("Di RT/RW berapa lokasi pabriknya?")
    kirim_formulir(browser, form)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Klarifikasi"))

    # the pengurus answers
    masuk(browser, server.url, "pengurus", "sandiuji12345")
    browser.get(halaman)
    assert "Di RT/RW berapa lokasi pabriknya?" in browser.find_element(By.ID, "riwayat").text
    form = tindakan(browser, "jawab")
    form.find_element(By.NAME, "catatan").send_keys("RT 03 RW 02, belakang balai desa.")
    kirim_formulir(browser, form)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Masuk"))

    # two different verifikator confirm (perizinan is sensitive)
    for akun, metode, catatan in (("verif1", "cek_lapangan", "Pabrik ada, tidak ada papan izin."),
                                  ("verif2", "konfirmasi_opd_dokumen", "NIB tidak terdaftar di OSS.")):
        masuk(browser, server.url, akun, "sandiuji12345")
        browser.get(halaman)
        form = tindakan(browser, "konfirmasi")
        Select(form.find_element(By.NAME, "metode")).select_by_value(metode)
        form.find_element(By.NAME, "catatan").send_keys(catatan)
        kirim_formulir(browser, form)
        tunggu(browser, EC.presence_of_element_located((By.ID, "status-laporan")))
    assert browser.find_element(By.ID, "status-laporan").text == "Valid"

    # forwarded to DPMPTSP (the category's default OPD is pre-selected)
    form = tindakan(browser, "teruskan")
    form.find_element(By.NAME, "catatan").send_keys("Mohon diperiksa dan ditindak sesuai ketentuan.")
    kirim_formulir(browser, form)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Diteruskan"))
    assert "DPMPTSP" in browser.find_element(By.ID, "opd-tujuan").text

    # the OPD records follow-up and closes it; it never sees the rahasia reporter
    masuk(browser, server.url, "dpmptsp", "sandiuji12345")
    browser.get(halaman)
    assert "Petugas pengurus" not in browser.page_source
    form = tindakan(browser, "tindaklanjuti")
    form.find_element(By.NAME, "catatan").send_keys("Tim turun ke lokasi pada hari ini.")
    kirim_formulir(browser, form)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Ditindaklanjuti"))
    form = tindakan(browser, "selesaikan")
    form.find_element(By.NAME, "catatan").send_keys("Usaha dihentikan sementara sampai NIB terbit.")
    kirim_formulir(browser, form)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Selesai"))

    # the pengurus sees the outcome
    masuk(browser, server.url, "pengurus", "sandiuji12345")
    browser.get(halaman)
    assert "Usaha dihentikan sementara sampai NIB terbit." in browser.find_element(By.ID, "hasil-laporan").text
    muat_di_layar(browser)
    simpan_cuplikan(browser, "laporan-selesai-360")
