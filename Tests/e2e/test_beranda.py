"""Issue 19, "Tugas Anda" in Chromium at 360 px: a pengurus lands on its tasks with "Kirim
laporan" first, and the office lands on the verification count that leads to the inbox."""
from conftest import json_api, muat_di_layar, simpan_cuplikan, tunggu
from conftest import masuk_peramban as masuk
from test_diseminasi import kim_aktif

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
except ImportError:
    from conftest import lewati
    lewati("selenium tidak terpasang: uji peramban dilewati")


def test_beranda_menunjukkan_tugas_setiap_peran(server, browser):
    sandi = server.sandi_admin_pertama()
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": sandi})
    kim_aktif(server.url, t["token"], "36.04.05.2001", "pengurus.kramatwatu")
    _, p = json_api(server.url + "/api/v1/token", {"username": "pengurus.kramatwatu", "password": "sandiuji12345"})
    for judul in ("Jalan desa rusak", "Jembatan retak"):
        status, body = json_api(server.url + "/api/v1/laporan", {
            "kategori": "infrastruktur", "judul": judul, "isi": "Perlu perbaikan segera.", "kode_wilayah": "36.04.05.2001",
            "kerahasiaan": "biasa", "sumber": "pengamatan_langsung", "jawaban": {}}, token=p["token"])
        assert status == 201, body

    masuk(browser, server.url, "pengurus.kramatwatu", "sandiuji12345")
    tunggu(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Tugas Anda"))
    utama = browser.find_element(By.ID, "aksi-utama")
    assert utama.text == "Kirim laporan"
    assert browser.find_element(By.ID, "tugas-materi").find_element(By.CLASS_NAME, "jumlah-tugas").text == "0"
    muat_di_layar(browser)
    simpan_cuplikan(browser, "beranda-pengurus-360")
    utama.click()
    tunggu(browser, EC.url_contains("/laporan/baru"))

    masuk(browser, server.url, "admin", sandi)
    tunggu(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Tugas Anda"))
    kartu = browser.find_element(By.ID, "tugas-masuk")
    assert kartu.find_element(By.CLASS_NAME, "jumlah-tugas").text == "2"
    simpan_cuplikan(browser, "beranda-admin-360")
    kartu.find_element(By.TAG_NAME, "a").click()
    tunggu(browser, EC.url_contains("/laporan?status=masuk"))
    # the inbox at 360 px: every row a card whose status and deadline are in view
    assert browser.find_element(By.CSS_SELECTOR, "nav.tab a[aria-current='page']").text == "Masuk (2)"
    baris = browser.find_elements(By.CSS_SELECTOR, ".daftar-laporan tbody tr")
    assert len(baris) == 2
    lebar = browser.execute_script("return document.documentElement.clientWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= lebar, "no sideways scroll"
    for tr in baris:
        for label in ("Status", "Tenggat"):
            sel = tr.find_element(By.CSS_SELECTOR, f"td[data-label='{label}']")
            kotak = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.height]", sel)
            assert kotak[2] > 0 and kotak[0] >= 0 and kotak[1] <= lebar, (label, kotak)
    simpan_cuplikan(browser, "kotak-masuk-360")
