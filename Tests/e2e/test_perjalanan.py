"""Browser journeys of the foundation: first-run admin login, wrong password, throttling,
region browsing, logout; and two server processes sharing one PostgreSQL session store."""
import os

from conftest import ServerSIKIM, json_api, kirim_formulir, lewati, muat_di_layar, simpan_cuplikan, tunggu
from conftest import masuk_peramban as masuk

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
except ImportError:
    lewati("selenium tidak terpasang: uji peramban dilewati")


def test_admin_pertama_masuk_dengan_sandi_yang_dicetak(server, browser):
    sandi = server.sandi_admin_pertama()
    assert sandi, "first run prints the admin password:\n" + server.keluaran()
    assert "Akun admin pertama dibuat." in server.keluaran()
    masuk(browser, server.url, "admin", sandi)
    tunggu(browser, EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".nama-pengguna"), "Administrator Kabupaten"))
    # on a phone the menu is a drawer: closed, then opened by its "Menu" button
    laci = browser.find_element(By.CSS_SELECTOR, "details.menu-ponsel")
    assert not browser.find_element(By.CSS_SELECTOR, ".menu-ponsel nav").is_displayed()
    laci.find_element(By.TAG_NAME, "summary").click()
    menu = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".menu-ponsel nav[aria-label='Menu utama'] a")]
    assert "Pengguna" in menu and "Akun saya" in menu, menu
    muat_di_layar(browser)
    simpan_cuplikan(browser, "admin-masuk-360")
    # the session lives in the database: a restart of the process keeps it
    browser.get(server.url + "/pengguna")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Pengguna"


def test_sandi_salah_ditolak_dengan_pesan_jelas(server, browser):
    masuk(browser, server.url, "admin", "bukan-sandi-yang-benar")
    pesan = tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-masuk")))
    assert pesan.text == "Nama pengguna atau kata sandi salah. Sisa 4 kali percobaan sebelum akun ini dikunci 15 menit."
    assert browser.find_element(By.ID, "username").get_attribute("value") == "admin"


def test_pembatasan_setelah_lima_kegagalan(server, browser):
    for _ in range(5):
        masuk(browser, server.url, "admin", "tebakan-yang-salah")
        tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-masuk")))
    masuk(browser, server.url, "admin", server.sandi_admin_pertama())
    pesan = tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-masuk")))
    assert pesan.text.startswith("Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah pukul ")
    simpan_cuplikan(browser, "pembatasan-login-360")


def test_tebakan_rekan_sealamat_tidak_mengunci_akun_lain(server, browser):
    """Everyone here signs in from 127.0.0.1, as a village office or a carrier's shared address."""
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
    status, body = json_api(server.url + "/api/v1/pengguna", {"username": "verif.desa", "nama": "Verifikator Desa",
                                                             "kata_sandi": "sandiuji12345", "peran": "verifikator"}, token=t["token"])
    assert status == 201, body
    for sisa in [4, 3, 2, 1]:
        masuk(browser, server.url, "operator.lupa", "tebakan-yang-salah")
        pesan = tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-masuk")))
        assert pesan.text.endswith(f"Sisa {sisa} kali percobaan sebelum akun ini dikunci 15 menit."), pesan.text
    masuk(browser, server.url, "operator.lupa", "tebakan-yang-salah")
    pesan = tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-masuk")))
    assert pesan.text.endswith("Akun ini sekarang dikunci 15 menit."), pesan.text
    masuk(browser, server.url, "operator.lupa", "tebakan-yang-salah")
    pesan = tunggu(browser, EC.presence_of_element_located((By.ID, "pesan-masuk")))
    assert pesan.text.startswith("Terlalu banyak percobaan masuk yang gagal."), pesan.text
    masuk(browser, server.url, "verif.desa", "sandiuji12345")
    tunggu(browser, EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".nama-pengguna"), "Verifikator Desa"))


def test_menjelajah_wilayah(server, browser):
    browser.get(server.url + "/wilayah")
    assert browser.find_element(By.ID, "jumlah-kecamatan").text == "29"
    baris = browser.find_elements(By.CSS_SELECTOR, "#daftar-wilayah tbody tr")
    assert len(baris) == 29
    browser.find_element(By.LINK_TEXT, "Kramatwatu").click()
    tunggu(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Kecamatan Kramatwatu"))
    kode = [tr.find_element(By.TAG_NAME, "td").text for tr in browser.find_elements(By.CSS_SELECTOR, "#daftar-wilayah tbody tr")]
    assert len(kode) == 15
    assert all(k.startswith("36.04.05.") for k in kode)
    assert "36.04.05.2014" in kode  # Teluk Terate
    # the page fits a 360 px phone: no horizontal scroll of the whole document
    assert browser.execute_script("return document.documentElement.clientWidth") == 360
    muat_di_layar(browser)
    simpan_cuplikan(browser, "kecamatan-kramatwatu-360")


def test_keluar_mengakhiri_sesi(server, browser):
    masuk(browser, server.url, "admin", server.sandi_admin_pertama())
    tunggu(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".nama-pengguna")))
    kirim_formulir(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/keluar']"))
    tunggu(browser, EC.url_contains("/masuk"))
    browser.get(server.url + "/pengguna")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Masuk ke SIKIM"
    assert browser.find_element(By.ID, "pesan-masuk").text == "Silakan masuk terlebih dahulu."


def test_dua_proses_berbagi_sesi_di_postgresql(data_dir, browser):
    url = os.environ.get("SIKIM_E2E_DATABASE_URL")
    if not url:
        lewati("SIKIM_E2E_DATABASE_URL tidak diset: uji dua proses PostgreSQL dilewati")
    env = {"DATABASE_URL": url, "SIKIM_ADMIN_PASSWORD": "adminrahasia123"}
    satu = ServerSIKIM(data_dir, env)
    dua = ServerSIKIM(data_dir, env)
    try:
        masuk(browser, satu.url, "admin", "adminrahasia123")
        tunggu(browser, EC.presence_of_element_located((By.CSS_SELECTOR, ".nama-pengguna")))
        cookie = browser.get_cookie("sikim_sesi")
        assert cookie and cookie["httpOnly"]
        # the same cookie, sent to the other process (another port: set it for that origin)
        browser.get(dua.url + "/wilayah")
        browser.add_cookie({"name": "sikim_sesi", "value": cookie["value"], "path": "/"})
        browser.get(dua.url + "/pengguna")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Pengguna"
        assert "Administrator Kabupaten" in browser.find_element(By.CSS_SELECTOR, ".nama-pengguna").text
    finally:
        dua.berhenti()
        satu.berhenti()
