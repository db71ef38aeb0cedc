#!/usr/bin/env python3
"""The phone app on an emulated 2G link (issue 20): a benchmark, not a test.

    python3 Tests/kinerja/anggaran_2g.py [--bin .build/debug/sikim]

Starts SIKIM on a fresh data directory with an active KIM and its pengurus, then drives
Chromium (360 px) through the Chrome DevTools Protocol's network conditions: 250 kbit/s down,
50 kbit/s up, 300 ms round trip. It measures

  * the first visit to the app (/aplikasi: page, CSS and scripts, compressed, as they travel);
  * a later visit (from the cache);
  * a laporan with 0, 1 and 3 photos sent from the outbox: the bytes sent and the network
    time until the laporan has its number (sent with small previews) and until the full
    photos followed. The photos are camera-like pictures (smooth areas and detail, 4000×3000)
    reduced on the phone as the app does (1600 px, JPEG 80 %).

and prints a markdown table for docs/KINERJA.md. Loopback only.
"""
import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
os.environ.setdefault("SE_OFFLINE", "true")

from conftest import ServerSIKIM, json_api  # noqa: E402
from test_diseminasi import kim_aktif  # noqa: E402

TURUN, NAIK, RTT = 250_000 // 8, 50_000 // 8, 300  # bytes/s, bytes/s, ms


def foto_kamera(path, lebar=4000, tinggi=3000):
    """Smooth sky and walls with some texture, like a phone photo (a few MB)."""
    from PIL import Image, ImageFilter
    kecil = Image.frombytes("RGB", (lebar // 16, tinggi // 16), os.urandom((lebar // 16) * (tinggi // 16) * 3))
    im = kecil.resize((lebar, tinggi), Image.BICUBIC).filter(ImageFilter.GaussianBlur(6))
    derau = Image.frombytes("L", (lebar, tinggi), bytes(random.randint(96, 160) for _ in range(lebar * tinggi)))
    im = Image.blend(im, Image.merge("RGB", (derau, derau, derau)), 0.08)
    im.save(path, "JPEG", quality=92)
    return str(path)


def peramban():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=id"):
        o.add_argument(a)
    o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 800, "pixelRatio": 2}})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(300)
    d.set_script_timeout(600)
    return d


def lambat(d, aktif=True):
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": RTT if aktif else 0,
        "downloadThroughput": TURUN if aktif else -1, "uploadThroughput": NAIK if aktif else -1})


def bobot_halaman(d):
    """Bytes of the page and its resources as they travelled (0 for what came from a cache)."""
    return d.execute_script(
        "const n = performance.getEntriesByType('navigation')[0];"
        "return [n.transferSize, performance.getEntriesByType('resource').reduce((a, r) => a + r.transferSize, 0),"
        " n.encodedBodySize + performance.getEntriesByType('resource').reduce((a, r) => a + r.encodedBodySize, 0)];")


def tunggu(fungsi, batas=240):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        hasil = fungsi()
        if hasil:
            return hasil
        time.sleep(0.2)
    raise TimeoutError


def main():
    from selenium.webdriver.common.by import By
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default=str(Path(__file__).resolve().parents[2] / ".build" / "debug" / "sikim"))
    a = p.parse_args()
    os.environ["SIKIM_BIN"] = a.bin
    data = Path(tempfile.mkdtemp(prefix="sikim-2g-"))
    server = ServerSIKIM(data)
    d = peramban()
    baris = []
    try:
        url = server.url
        _, t = json_api(url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
        kim_aktif(url, t["token"], "36.04.05.2001", "pengurus")
        # the first visit on 2G: signing in lands on the home page with the app's scripts
        d.get(url + "/masuk")
        d.find_element(By.ID, "username").send_keys("pengurus")
        d.find_element(By.ID, "kata_sandi").send_keys("sandiuji12345")
        lambat(d)
        mulai = time.monotonic()
        d.find_element(By.CSS_SELECTOR, "form.formulir button").click()
        tunggu(lambda: "Tugas Anda" in d.page_source and d.execute_script("return document.readyState") == "complete")
        pertama = bobot_halaman(d)
        baris.append(("Kunjungan pertama (beranda setelah masuk: halaman, CSS, skrip)", f"{pertama[0] + pertama[1]:,} B",
                      f"{time.monotonic() - mulai:.1f} s"))
        tunggu(lambda: d.execute_script("return !!navigator.serviceWorker.controller"))
        mulai = time.monotonic()
        d.get(url + "/aplikasi")
        tunggu(lambda: "Ponsel ini siap" in d.find_element(By.ID, "status-perangkat").text)
        kedua = bobot_halaman(d)
        baris.append(("Kunjungan berikutnya (/aplikasi; CSS dan skrip dari cache)", f"{kedua[0] + kedua[1]:,} B",
                      f"{time.monotonic() - mulai:.1f} s"))

        for n in (0, 1, 3):
            lambat(d, False)
            d.get(url + "/laporan/baru?kategori=infrastruktur")
            d.find_element(By.ID, "judul").send_keys(f"Jalan rusak ({n} foto)")
            d.find_element(By.ID, "isi").send_keys("Lubang besar di tengah jalan desa, berbahaya bagi pengendara motor.")
            if n:
                berkas = [foto_kamera(data / f"kamera-{n}-{i}.jpg") for i in range(n)]
                asli = sum(os.path.getsize(b) for b in berkas)
                d.find_element(By.ID, "foto").send_keys("\n".join(berkas))
                tunggu(lambda: "diperkecil" in d.find_element(By.ID, "cek-foto").text or "siap" in d.find_element(By.ID, "cek-foto").text)
                kecil = d.execute_script("return [...document.getElementById('foto').files].reduce((a, f) => a + f.size, 0)")
            else:
                asli = kecil = 0
            # the form as the service worker puts it in the outbox, then sent from this page
            # (the page's requests are the ones CDP throttles)
            lambat(d)
            d.execute_script("""
              const f = document.getElementById('form-laporan');
              const saya = document.querySelector('meta[name=sikim-pengguna]').content;
              const item = KotakKeluar.dariFormulir(new FormData(f), 'laporan', '/api/v1/laporan', f.judul.value, saya);
              const t0 = performance.now();
              window.uji = { keadaan: 'menunggu' };
              // when the laporan got its number (with previews), and when the full photos followed
              KotakKeluar.dengar(() => KotakKeluar.semua().then(d => {
                const i = d.find(x => x.id === item.id);
                if (i && i.nomor && !window.uji.tercatat) window.uji.tercatat = (performance.now() - t0) / 1000;
                if (i && i.pratinjau) window.uji.pratinjau = i.pratinjau.reduce((a, x) => a + x.berkas.size, 0);
              }));
              KotakKeluar.simpan(item).then(() => KotakKeluar.kirimSemua(true)).then(() => KotakKeluar.semua())
                .then(d => { window.uji.selesai = (performance.now() - t0) / 1000; window.uji.keadaan = d.find(i => i.id === item.id).keadaan; },
                      e => { window.uji.keadaan = String(e); });""")
            hasil = tunggu(lambda: d.execute_script("return window.uji.keadaan !== 'menunggu' && window.uji"), batas=900)
            assert hasil["keadaan"] == "terkirim", hasil
            if n:
                pratinjau = hasil.get("pratinjau", 0)
                baris.append((f"Laporan dengan {n} foto ({asli / 1048576:.1f} MB dari kamera → {kecil / 1024:.0f} KB di ponsel): "
                              f"tercatat bernomor, dengan pratinjau", f"≈{pratinjau + 2000:,} B naik", f"{hasil['tercatat']:.1f} s"))
                baris.append((f"… lalu {n} foto penuh menyusul", f"≈{kecil:,} B naik", f"+{hasil['selesai'] - hasil['tercatat']:.1f} s"))
            else:
                baris.append(("Laporan tanpa foto dari kotak keluar", "≈2.000 B naik", f"{hasil['selesai']:.1f} s"))
    finally:
        d.quit()
        server.berhenti()
    print(f"\n2G teremulasi: {TURUN * 8 // 1000} kbit/s turun, {NAIK * 8 // 1000} kbit/s naik, RTT {RTT} ms (CDP)\n")
    print("| Langkah | Bita | Waktu jaringan |\n|---|---:|---:|")
    for b in baris:
        print(f"| {b[0]} | {b[1]} | {b[2]} |")


if __name__ == "__main__":
    main()
