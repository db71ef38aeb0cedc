"""Issue 19, "Tugas Anda" in Chromium at 360 px: a pengurus lands on its tasks with "Kirim
laporan" first, the office on the verification count that leads to the inbox (a card per row
on a phone, status and deadline in view), the OPD on what was forwarded to it, and the
operator kecamatan on the KIM awaiting its legalisation."""
from conftest import json_api, kim_aktif, muat_di_layar, simpan_cuplikan, tunggu
from conftest import masuk_peramban as masuk

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

    admin = t["token"]
    for akun in ({"username": "verif", "peran": "verifikator"}, {"username": "opd.pupr", "peran": "opd", "kode_opd": "dpupr"},
                 {"username": "op.kec", "peran": "operator_kecamatan", "kode_wilayah": "36.04.06"}):
        akun.update({"nama": "Petugas " + akun["username"], "kata_sandi": "sandiuji12345"})
        status, body = json_api(server.url + "/api/v1/pengguna", akun, token=admin)
        assert status == 201, body

    masuk(browser, server.url, "verif", "sandiuji12345")
    tunggu(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Tugas Anda"))
    kartu = browser.find_element(By.ID, "tugas-masuk")
    assert kartu.find_element(By.CLASS_NAME, "jumlah-tugas").text == "2"
    simpan_cuplikan(browser, "beranda-verifikator-360")
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

    # one laporan verified and forwarded: the OPD finds it waiting on its home page
    _, v = json_api(server.url + "/api/v1/token", {"username": "verif", "password": "sandiuji12345"})
    _, daftar = json_api(server.url + "/api/v1/laporan", token=admin)
    satu = daftar["data"][0]["id"]
    for langkah in ({"ke": "valid", "metode": "cek_lapangan", "catatan": "Sudah dicek."},
                    {"ke": "diteruskan", "opd": ["dpupr"], "catatan": "Mohon ditangani."}):
        status, body = json_api(server.url + f"/api/v1/laporan/{satu}/transisi", langkah, token=v["token"])
        assert status == 200, body
    masuk(browser, server.url, "opd.pupr", "sandiuji12345")
    kartu = tunggu(browser, EC.presence_of_element_located((By.ID, "tugas-diteruskan")))
    assert kartu.find_element(By.CLASS_NAME, "jumlah-tugas").text == "1"
    simpan_cuplikan(browser, "beranda-opd-360")

    # a KIM in Waringinkurung legalised by its desa waits for the operator kecamatan
    status, kim = json_api(server.url + "/api/v1/kim", {
        "tingkat": "desa", "kode_wilayah": "36.04.06.2001", "tanggal_pembentukan": "2024-05-16", "tempat_pembentukan": "Balai desa",
        "pengurus": [{"nama": n, "jabatan": j, "jenis_kelamin": "P", "nomor_hp": hp, "tahun_lahir": 1990}
                     for n, j, hp in (("Ketua", "ketua", "081300000001"), ("Sekretaris", "sekretaris", "081300000002"),
                                      ("Bendahara", "bendahara", "081300000003"))]}, token=admin)
    assert status == 201, kim
    for langkah in ({"ke": "diajukan"}, {"ke": "disahkan_desa", "nomor_sk": "7", "tanggal_sk": "2024-05-20"}):
        status, body = json_api(server.url + f"/api/v1/kim/{kim['id']}/transisi", langkah, token=admin)
        assert status == 200, body
    masuk(browser, server.url, "op.kec", "sandiuji12345")
    kartu = tunggu(browser, EC.presence_of_element_located((By.ID, "tugas-pengesahan")))
    assert kartu.find_element(By.CLASS_NAME, "jumlah-tugas").text == "1"
    simpan_cuplikan(browser, "beranda-operator-kecamatan-360")
