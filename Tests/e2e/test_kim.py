"""KIM formation journey in Chromium at phone width: an operator desa forms a KIM with its
board, prints the berita acara, submits it; the desa and camat steps legalise it; the
formation dashboard counts change accordingly."""
from conftest import json_api, kirim_formulir, lewati, muat_di_layar, simpan_cuplikan, tunggu
from conftest import masuk_peramban as masuk

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    lewati("selenium tidak terpasang: uji peramban dilewati")


def isi_tanggal(driver, elemen, nilai):
    # Date inputs take typed text in the browser's locale; set the ISO value directly.
    driver.execute_script("arguments[0].value = arguments[1]", elemen, nilai)


def angka_dasbor(driver, url, id_):
    driver.get(url + "/dasbor")
    return int(driver.find_element(By.ID, id_).text.split()[0])


def test_operator_membentuk_dan_mengesahkan_kim(server, browser):
    sandi_admin = server.sandi_admin_pertama()
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": sandi_admin})
    for akun in ({"username": "op.desa", "nama": "Operator Desa Kramatwatu", "kata_sandi": "sandiuji12345",
                  "peran": "operator_desa", "kode_wilayah": "36.04.05.2001"},
                 {"username": "op.kec", "nama": "Operator Kecamatan Kramatwatu", "kata_sandi": "sandiuji12345",
                  "peran": "operator_kecamatan", "kode_wilayah": "36.04.05"}):
        status, body = json_api(server.url + "/api/v1/pengguna", akun, token=t["token"])
        assert status == 201, body

    masuk(browser, server.url, "admin", sandi_admin)
    assert angka_dasbor(browser, server.url, "desa-disahkan") == 0

    # the operator desa forms the KIM
    masuk(browser, server.url, "op.desa", "sandiuji12345")
    browser.get(server.url + "/kim/baru")
    Select(browser.find_element(By.ID, "kode_wilayah")).select_by_value("36.04.05.2001")
    isi_tanggal(browser, browser.find_element(By.ID, "tanggal_pembentukan"), "2024-05-16")
    browser.find_element(By.ID, "tempat_pembentukan").send_keys("Aula Kantor Desa Kramatwatu")
    browser.find_element(By.ID, "jumlah_hadir").send_keys("32")
    browser.find_element(By.ID, "fokus").send_keys("pariwisata, UMKM")
    kirim_formulir(browser, browser.find_element(By.CSS_SELECTOR, "form.formulir"))
    tunggu(browser, EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "KIM Desa Kramatwatu"))
    halaman_kim = browser.current_url
    assert "Pengurus harus memiliki satu ketua." in browser.find_element(By.ID, "kekurangan").text

    for nama, jabatan, jk, hp in (("Ahmad Fauzi", "ketua", "L", "0812-3456-7890"),
                                  ("Siti Rohmah", "sekretaris", "P", "0813-1111-2222"),
                                  ("Dedi Supriadi", "bendahara", "L", "0857-3333-4444")):
        form = browser.find_element(By.ID, "form-pengurus")
        form.find_element(By.ID, "p-nama").send_keys(nama)
        Select(form.find_element(By.ID, "p-jabatan")).select_by_value(jabatan)
        Select(form.find_element(By.ID, "p-jk")).select_by_value(jk)
        form.find_element(By.ID, "p-hp").send_keys(hp)
        form.find_element(By.ID, "p-lahir").send_keys("1985")
        kirim_formulir(browser, form)
        tunggu(browser, EC.text_to_be_present_in_element((By.ID, "daftar-pengurus"), nama))
    assert not browser.find_elements(By.ID, "kekurangan")
    muat_di_layar(browser)
    simpan_cuplikan(browser, "kim-draf-360")

    # the berita acara, printable, from the stored data
    browser.get(halaman_kim + "/berita-acara")
    kalimat = browser.find_element(By.ID, "kalimat-tanggal").text
    assert kalimat.startswith("Pada hari Kamis tanggal enam belas bulan Mei tahun dua ribu dua puluh empat")
    assert "32 (tiga puluh dua) orang" in kalimat
    simpan_cuplikan(browser, "berita-acara-360")
    browser.get(halaman_kim)

    # submit, then the desa step
    kirim_formulir(browser, browser.find_element(By.CSS_SELECTOR, "button[data-aksi='ajukan']").find_element(By.XPATH, ".."))
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-kim"), "Diajukan"))
    form = browser.find_element(By.CSS_SELECTOR, "button[data-aksi='sahkan_desa']").find_element(By.XPATH, "..")
    form.find_element(By.NAME, "nomor_sk").send_keys("141/12/Kpts/2024")
    isi_tanggal(browser, form.find_element(By.NAME, "tanggal_sk"), "2024-05-17")
    kirim_formulir(browser, form)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-kim"), "Disahkan desa"))
    assert not browser.find_elements(By.CSS_SELECTOR, "button[data-aksi='sahkan_kecamatan']")

    # the camat step, by the operator kecamatan
    masuk(browser, server.url, "op.kec", "sandiuji12345")
    browser.get(halaman_kim)
    form = browser.find_element(By.CSS_SELECTOR, "button[data-aksi='sahkan_kecamatan']").find_element(By.XPATH, "..")
    form.find_element(By.NAME, "nomor_sk").send_keys("400/7/Kec.Kmt/2024")
    isi_tanggal(browser, form.find_element(By.NAME, "tanggal_sk"), "2024-05-18")
    kirim_formulir(browser, form)
    tunggu(browser, EC.text_to_be_present_in_element((By.ID, "status-kim"), "Aktif"))
    assert "400/7/Kec.Kmt/2024" in browser.find_element(By.ID, "sk-kecamatan").text
    muat_di_layar(browser)
    simpan_cuplikan(browser, "kim-aktif-360")

    # the dashboard counts changed; the public directory lists the KIM without phone numbers
    masuk(browser, server.url, "admin", sandi_admin)
    assert angka_dasbor(browser, server.url, "desa-disahkan") == 1
    assert angka_dasbor(browser, server.url, "desa-dibentuk") == 1
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.peta path")) == 29
    muat_di_layar(browser)
    simpan_cuplikan(browser, "dasbor-360")
    browser.delete_all_cookies()
    browser.get(server.url + "/direktori")
    tabel = browser.find_element(By.ID, "direktori-kim").text
    assert "KIM Desa Kramatwatu" in tabel
    assert "0812" not in browser.page_source and "Ahmad Fauzi" not in browser.page_source
