"""Issue 19 in Chromium at 360 px: work is never lost. A session that ends while a pengurus
writes a laporan ends with the laporan sent after signing in again, nothing retyped, photo
included; a form refused for one field comes back with every other field and the photo kept."""
import os
import sqlite3

from conftest import json_api, kim_aktif, kirim_formulir, lewati, simpan_cuplikan, tunggu
from conftest import masuk_peramban as masuk
from test_laporan import png_kecil

try:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    lewati("selenium tidak terpasang: uji peramban dilewati")


def pengurus_desa(server):
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
    status, kim = json_api(server.url + "/api/v1/kim", {"tingkat": "desa", "kode_wilayah": "36.04.05.2001"}, token=t["token"])
    assert status == 201, kim
    status, body = json_api(server.url + "/api/v1/pengguna", {"username": "pengurus", "nama": "Siti Pengurus", "peran": "pengurus_kim",
                                                             "kim_id": kim["id"], "kata_sandi": "sandiuji12345"}, token=t["token"])
    assert status == 201, body
    return t["token"]


def isi_laporan(browser, server, data_dir):
    browser.get(server.url + "/laporan/baru?kategori=infrastruktur")
    tunggu(browser, EC.presence_of_element_located((By.ID, "form-laporan")))
    browser.find_element(By.ID, "judul").send_keys("Jembatan gantung putus")
    browser.find_element(By.ID, "isi").send_keys("Tali jembatan ke sawah putus sejak hujan semalam.")
    Select(browser.find_element(By.ID, "kerahasiaan")).select_by_value("rahasia")
    browser.find_element(By.ID, "foto").send_keys(png_kecil(data_dir / "jembatan.png"))


def test_sesi_berakhir_saat_mengirim_laporan_lalu_terkirim_setelah_masuk(server, browser, data_dir):
    admin = pengurus_desa(server)
    masuk(browser, server.url, "pengurus", "sandiuji12345")
    isi_laporan(browser, server, data_dir)
    # the session runs out while the form is open (as after 12 idle hours)
    with sqlite3.connect(data_dir / "sikim.sqlite") as db:
        assert db.execute("UPDATE sesi SET kedaluwarsa_pada = 0").rowcount >= 1
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))

    pesan = tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-masuk")))
    assert "Sesi Anda telah berakhir" in pesan.text and "Isian Anda sudah tersimpan" in pesan.text, pesan.text
    browser.find_element(By.ID, "username").send_keys("pengurus")
    browser.find_element(By.ID, "kata_sandi").send_keys("sandiuji12345")
    kirim_formulir(browser, browser.find_element(By.CSS_SELECTOR, "form.formulir"))

    # the form again, filled, the photo attached; one tap sends it
    tunggu(browser, EC.presence_of_element_located((By.ID, "form-laporan")))
    assert browser.find_element(By.ID, "judul").get_attribute("value") == "Jembatan gantung putus"
    assert "Tali jembatan" in browser.find_element(By.ID, "isi").get_attribute("value")
    assert Select(browser.find_element(By.ID, "kerahasiaan")).first_selected_option.get_attribute("value") == "rahasia"
    assert "jembatan.png" in browser.find_element(By.ID, "terlampir").text
    simpan_cuplikan(browser, "lanjutkan-laporan-360")
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Masuk"))
    assert len(browser.find_elements(By.CSS_SELECTOR, ".galeri img")) == 1

    status, daftar = json_api(server.url + "/api/v1/laporan", token=admin)
    assert status == 200 and [l["judul"] for l in daftar["data"]] == ["Jembatan gantung putus"], daftar


def test_galat_laporan_menyimpan_semua_isian_dan_foto(server, browser, data_dir):
    pengurus_desa(server)
    masuk(browser, server.url, "pengurus", "sandiuji12345")
    isi_laporan(browser, server, data_dir)
    browser.find_element(By.ID, "judul").clear()
    browser.execute_script("document.getElementById('judul').removeAttribute('required')")
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))

    ringkasan = tunggu(browser, EC.presence_of_element_located((By.ID, "ringkasan-galat")))
    assert browser.title.startswith("Galat: ")
    assert browser.switch_to.active_element == ringkasan
    assert "Tali jembatan" in browser.find_element(By.ID, "isi").get_attribute("value")
    assert Select(browser.find_element(By.ID, "kerahasiaan")).first_selected_option.get_attribute("value") == "rahasia"
    assert "jembatan.png" in browser.find_element(By.ID, "terlampir").text
    browser.find_element(By.ID, "judul").send_keys("Jembatan gantung putus")
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Masuk"))
    assert len(browser.find_elements(By.CSS_SELECTOR, ".galeri img")) == 1


def foto_kamera(path, lebar=4000, tinggi=3000):
    """A camera-sized JPEG (several MB): noise does not compress."""
    from PIL import Image
    Image.frombytes("RGB", (lebar, tinggi), os.urandom(lebar * tinggi * 3)).save(path, "JPEG", quality=92)
    return str(path)


def test_lokasi_saya_pin_di_peta_desa_dan_foto_diperkecil_di_ponsel(server, browser, data_dir):
    pengurus_desa(server)
    masuk(browser, server.url, "pengurus", "sandiuji12345")
    browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": server.url, "permissions": ["geolocation"]})
    browser.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": -6.065, "longitude": 106.119, "accuracy": 15})
    browser.get(server.url + "/laporan/baru?kategori=infrastruktur")
    peta = tunggu(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#peta-lokasi svg")))

    # "Gunakan lokasi saya" fills the point; inside Kramatwatu, no warning
    browser.find_element(By.ID, "lokasi-saya").click()
    tunggu(browser, lambda d: d.find_element(By.ID, "lat").get_attribute("value") == "-6.065000")
    assert browser.find_element(By.ID, "lon").get_attribute("value") == "106.119000"
    assert browser.find_element(By.ID, "pesan-lokasi").text.startswith("Lokasi terisi")
    # a point far away is warned about, not refused
    browser.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": -6.2, "longitude": 106.3, "accuracy": 15})
    browser.find_element(By.ID, "lokasi-saya").click()
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "pesan-lokasi"), "di luar Kramatwatu"))
    # a tap on the desa's map moves the pin there
    ActionChains(browser).move_to_element(peta).click().perform()
    tunggu(browser, lambda d: d.find_element(By.ID, "pesan-lokasi").text == "")
    lat = float(browser.find_element(By.ID, "lat").get_attribute("value"))
    assert -6.072 < lat < -6.058, lat
    simpan_cuplikan(browser, "laporan-lokasi-360")

    # a camera photo is reduced on the phone before it goes
    besar = data_dir / "kamera.jpg"
    foto_kamera(besar)
    assert besar.stat().st_size > 4 * 1024 * 1024
    browser.find_element(By.ID, "foto").send_keys(str(besar))
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "cek-foto"), "diperkecil"))
    browser.find_element(By.ID, "judul").send_keys("Saluran tersumbat")
    browser.find_element(By.ID, "isi").send_keys("Air meluap ke jalan.")
    kirim_formulir(browser, browser.find_element(By.ID, "form-laporan"))
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-laporan"), "Masuk"))
    gambar = browser.find_element(By.CSS_SELECTOR, ".galeri img")
    tunggu(browser, lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", gambar))
    lebar, tinggi = browser.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", gambar)
    assert (lebar, tinggi) == (1600, 1200), (lebar, tinggi)
    ukuran = browser.execute_script("return fetch(arguments[0].src).then(r => r.blob()).then(b => b.size)", gambar)
    assert ukuran < besar.stat().st_size / 3, (ukuran, besar.stat().st_size)


def test_galat_kegiatan_menyimpan_isian_dan_foto(server, browser, data_dir):
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
    kim_aktif(server.url, t["token"], "36.04.05.2001", "pengurus.kramatwatu")
    masuk(browser, server.url, "pengurus.kramatwatu", "sandiuji12345")
    browser.get(server.url + "/")
    browser.find_element(By.LINK_TEXT, "Catat kegiatan").click()
    form = tunggu(browser, EC.presence_of_element_located((By.ID, "form-kegiatan")))
    if not form.is_displayed():
        browser.find_element(By.XPATH, "//summary[normalize-space()='Catat kegiatan']").click()
    browser.find_element(By.ID, "k-tempat").send_keys("Balai Desa Kramatwatu")
    browser.find_element(By.ID, "k-uraian").send_keys("Sosialisasi cek fakta bersama karang taruna.")
    browser.find_element(By.ID, "k-peserta").send_keys("banyak")
    browser.find_element(By.ID, "k-foto").send_keys(png_kecil(data_dir / "kegiatan.png"))
    kirim_formulir(browser, browser.find_element(By.ID, "form-kegiatan"))

    tunggu(browser, EC.presence_of_element_located((By.ID, "galat-kegiatan")))
    assert browser.find_element(By.ID, "form-kegiatan").is_displayed(), "the form comes back open"
    assert browser.find_element(By.ID, "k-tempat").get_attribute("value") == "Balai Desa Kramatwatu"
    assert "karang taruna" in browser.find_element(By.ID, "k-uraian").get_attribute("value")
    assert "kegiatan.png" in browser.find_element(By.ID, "terlampir").text
    peserta = browser.find_element(By.ID, "k-peserta")
    peserta.clear()
    peserta.send_keys("25")
    kirim_formulir(browser, browser.find_element(By.ID, "form-kegiatan"))
    daftar = tunggu(browser, EC.presence_of_element_located((By.ID, "daftar-kegiatan")))
    assert "25 peserta" in daftar.text and "Foto" in daftar.text


def test_tanpa_javascript_foto_kamera_besar_dijelaskan_cara_memperkecilnya(server, data_dir):
    """Issue 20: a browser without JavaScript sends the form as it is (WebDriver itself needs
    scripts, so this is the same request made by hand): a camera photo of about 10 MB is refused
    with how to make it smaller, and nothing else typed is lost."""
    import re
    import requests
    pengurus_desa(server)
    s = requests.Session()
    token = lambda html: re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    r = s.post(server.url + "/masuk", data={"_csrf": token(s.get(server.url + "/masuk").text), "username": "pengurus",
                                            "kata_sandi": "sandiuji12345"})
    assert "Tugas Anda" in r.text
    form = s.get(server.url + "/laporan/baru?kategori=infrastruktur").text
    besar = data_dir / "IMG_kamera.jpg"
    foto_kamera(besar)
    assert besar.stat().st_size > 8 * 1024 * 1024, besar.stat().st_size
    with open(besar, "rb") as f:
        r = s.post(server.url + "/laporan", data={"_csrf": token(form), "kategori": "infrastruktur", "kode_wilayah": "36.04.05.2001",
                                                  "judul": "Jalan longsor", "isi": "Separuh badan jalan ambrol."},
                   files={"foto[]": ("IMG_kamera.jpg", f, "image/jpeg")})
    assert r.status_code == 422, r.status_code
    assert "lebih dari batas 5 MB per foto. Perkecil dulu: di Galeri ponsel" in r.text
    assert 'value="Jalan longsor"' in r.text and "Separuh badan jalan ambrol.</textarea>" in r.text


def test_galat_kim_baru_menyimpan_wilayah_tanggal_tempat_dan_kehadiran(server, browser):
    masuk(browser, server.url, "admin", server.sandi_admin_pertama())
    browser.get(server.url + "/kim/baru")
    Select(browser.find_element(By.ID, "kode_wilayah")).select_by_value("36.04.05.2001")
    browser.execute_script("arguments[0].value = '2024-05-16'", browser.find_element(By.ID, "tanggal_pembentukan"))
    browser.find_element(By.ID, "tempat_pembentukan").send_keys("Balai Desa Kramatwatu")
    browser.find_element(By.ID, "jumlah_hadir").send_keys("dua")
    kirim_formulir(browser, browser.find_element(By.CSS_SELECTOR, "main form.formulir"))

    tunggu(browser, EC.presence_of_element_located((By.ID, "ringkasan-galat")))
    assert Select(browser.find_element(By.ID, "kode_wilayah")).first_selected_option.get_attribute("value") == "36.04.05.2001"
    assert browser.find_element(By.ID, "tanggal_pembentukan").get_attribute("value") == "2024-05-16"
    assert browser.find_element(By.ID, "tempat_pembentukan").get_attribute("value") == "Balai Desa Kramatwatu"
    hadir = browser.find_element(By.ID, "jumlah_hadir")
    assert hadir.get_attribute("value") == "dua", "the attendance as typed"
    hadir.clear()
    hadir.send_keys("25")
    kirim_formulir(browser, browser.find_element(By.CSS_SELECTOR, "main form.formulir"))
    tunggu(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Kramatwatu"))
    assert "/kim/" in browser.current_url
