#!/usr/bin/env python3
"""SIKIM benchmark: one command from a fresh clone.

    python3 Tests/kinerja/tolok_ukur.py                # builds release if needed, kabupaten scale
    python3 Tests/kinerja/tolok_ukur.py --bin PATH --durasi 10
    python3 Tests/kinerja/tolok_ukur.py --laporan 1000000 --kedalaman 500000   # volume run
    python3 Tests/kinerja/tolok_ukur.py --skala nasional    # 84,000 desa, a million laporan

Generates the demo data (`sikim demo --skala kabupaten|nasional`) in a fresh SQLite
database (or `--database-url`), measures cold start to the first 200, runs wrk at 64
connections against the main endpoints, and prints a markdown table: req/s, p50/p99 and the
ratio to /healthz in the same run; then the compressed size of every main HTML page with its
CSS, and the server's peak RSS. Loopback only; every wrk run is bounded.
"""
import argparse
import gzip
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]
SANDI = "adminrahasia123"


def port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def panggil(url, data=None, token=None, cookie=None, batas=30):
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    if cookie:
        req.add_header("Cookie", cookie)
    with urllib.request.urlopen(req, timeout=batas) as r:
        return r.status, r.read(), r.headers


def wrk(url, durasi, header=(), skrip=None):
    perintah = ["timeout", str(durasi + 30), "wrk", "-t2", "-c64", f"-d{durasi}s", "--latency"]
    for h in header:
        perintah += ["-H", h]
    if skrip:
        perintah += ["-s", skrip]
    keluaran = subprocess.run(perintah + [url], capture_output=True, text=True).stdout
    if "Latency Distribution" not in keluaran:
        sys.exit(f"wrk gagal untuk {url}:\n{keluaran}")
    def satuan(teks):
        m = re.match(r"([\d.]+)(us|ms|s|m)", teks)
        if m is None:
            sys.exit(f"keluaran wrk tak terbaca untuk {url}:\n{keluaran}")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", keluaran).group(1))
    # Anchored at line start: "71.50%" in the thread stats must not pass for the 50th percentile.
    p50 = satuan(re.search(r"^\s+50%\s+(\S+)", keluaran, re.M).group(1))
    p99 = satuan(re.search(r"^\s+99%\s+(\S+)", keluaran, re.M).group(1))
    gagal = re.search(r"Non-2xx or 3xx responses: (\d+)", keluaran)
    galat = re.search(r"Socket errors: (.*)", keluaran)
    # Bytes per answer (headers included): a page of larger rows is slower for its size, not its depth.
    m = re.search(r"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)", keluaran)
    kb = float(m.group(1)) * {"B": 1 / 1024, "KB": 1, "MB": 1024, "GB": 1024 ** 2}[m.group(2)] / rps if m and rps else 0.0
    return {"rps": rps, "p50": p50, "p99": p99, "kb": kb, "non2xx": int(gagal.group(1)) if gagal else 0,
            "socket": galat.group(1) if galat else ""}


def rss_puncak(pid):
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmHWM:"):
            return int(baris.split()[1]) / 1024
    return 0.0


def main():
    p = argparse.ArgumentParser(description="SIKIM benchmark")
    p.add_argument("--bin", help="sikim binary (default: release build, built if missing)")
    p.add_argument("--durasi", type=int, default=10, help="seconds per wrk run")
    p.add_argument("--database-url", help="PostgreSQL instead of a fresh SQLite file")
    p.add_argument("--keluaran", help="also write the markdown table to this file")
    p.add_argument("--skala", choices=["kabupaten", "nasional"], default="kabupaten", help="demo data set (default kabupaten)")
    p.add_argument("--laporan", type=int, help="laporan to generate (default: the scale's, 20,000 or 1,000,000)")
    p.add_argument("--data", help="a data directory already filled by `sikim demo` (SQLite): skips generating, kept afterwards")
    p.add_argument("--putaran", type=int, default=3, help="rounds over all endpoints; each row is the median round (default 3)")
    p.add_argument("--kedalaman", type=int, help="rows before the deep page (default: 15,000, page ~300; nasional 500,000)")
    a = p.parse_args()
    a.laporan = a.laporan or (1_000_000 if a.skala == "nasional" else 20_000)
    a.kedalaman = a.kedalaman or (500_000 if a.skala == "nasional" else 15_000)
    if shutil.which("wrk") is None:
        sys.exit("wrk tidak terpasang: apt-get install -y wrk")
    biner = os.path.abspath(a.bin) if a.bin else None  # the server runs from its data directory
    if not biner:
        subprocess.run(["swift", "build", "-c", "release", "--product", "sikim"], cwd=AKAR, check=True)
        biner = str(AKAR / ".build" / "release" / "sikim")

    data_dir = os.path.abspath(a.data) if a.data else tempfile.mkdtemp(prefix="sikim-tolok-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"SIKIM_DATA_DIR": data_dir, "SIKIM_ADMIN_PASSWORD": SANDI, "LOG_LEVEL": "warning"})
    if a.database_url:
        env["DATABASE_URL"] = a.database_url
    if not a.data:
        t0 = time.monotonic()
        demo = [biner, "demo", "--skala", a.skala, "--laporan", str(a.laporan)]
        subprocess.run(demo, env=env, check=True, cwd=data_dir, capture_output=True)
        print(f"Data demo ({a.skala}, {a.laporan} laporan) dibuat dalam {time.monotonic() - t0:.0f} s", file=sys.stderr)

    port = port_bebas()
    url = f"http://127.0.0.1:{port}"
    log = open(os.path.join(data_dir, "server.log"), "wb")
    mulai = time.monotonic()
    server = subprocess.Popen([biner, "serve", "--env", "production", "--hostname", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=log, stderr=subprocess.STDOUT, cwd=data_dir)
    try:
        while True:
            if server.poll() is not None:
                sys.exit(f"server berhenti; lihat {log.name}")
            try:
                if panggil(url + "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.01)  # polling interval
        dingin = time.monotonic() - mulai

        _, t, _ = panggil(url + "/api/v1/token", {"username": "admin", "password": SANDI})
        token = json.loads(t)["token"]
        auth = f"Authorization: Bearer {token}"
        # A signed-in browser session for the dashboard page.
        jar = http.cookiejar.CookieJar()
        peramban = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        csrf = re.search(rb'name="_csrf" value="([^"]+)"', peramban.open(url + "/masuk", timeout=30).read()).group(1).decode()
        peramban.open(url + "/masuk", data=urllib.parse.urlencode({"username": "admin", "kata_sandi": SANDI, "_csrf": csrf}).encode(),
                      timeout=30)
        cookie = "Cookie: sikim_sesi=" + next(c.value for c in jar if c.name == "sikim_sesi")
        # The first dashboard computes its figures (cold); wrk then measures the cached page.
        t_dasbor = time.monotonic()
        assert panggil(url + "/dasbor", cookie=cookie.split(": ", 1)[1], batas=600)[0] == 200
        dasbor_dingin = time.monotonic() - t_dasbor

        # The first page, and a deep page reached by following cursors (`--kedalaman` rows in).
        _, b, _ = panggil(url + "/api/v1/laporan?limit=50", token=token)
        pertama = json.loads(b)
        id_laporan = pertama["data"][0]["id"]
        kursor = None
        for _ in range(a.kedalaman // 100):
            _, b, _ = panggil(url + "/api/v1/laporan?limit=100" + (f"&cursor={kursor}" if kursor else ""), token=token)
            kursor = json.loads(b)["next_cursor"] or kursor
        lua = os.path.join(data_dir, "kirim.lua")
        Path(lua).write_text(
            'wrk.method = "POST"\n'
            'wrk.headers["Content-Type"] = "application/json"\n'
            f'wrk.headers["Authorization"] = "Bearer {token}"\n'
            'wrk.body = \'{"kategori":"lingkungan","judul":"Sampah menumpuk","isi":"Di tepi sungai desa",'
            '"kode_wilayah":"36.04.05.2001"}\'\n')

        baca = [
            ("/healthz", url + "/healthz", [], None),
            ("Daftar laporan API, halaman pertama", url + "/api/v1/laporan?limit=50", [auth], None),
            (f"Daftar laporan API, halaman ~{a.kedalaman // 50 + 1} (kursor)", url + f"/api/v1/laporan?limit=50&cursor={kursor}", [auth], None),
            ("Detail laporan API", url + f"/api/v1/laporan/{id_laporan}", [auth], None),
            ("Direktori KIM (publik)", url + "/direktori", [], None),
        ]
        tulis = [
            ("Kirim laporan API (POST)", url + "/api/v1/laporan", [], lua),
            ("Halaman dasbor", url + "/dasbor", [cookie], None),
        ]
        # Every endpoint once per round, rounds one after the other: a shared machine's speed
        # drifts, and this spreads the drift over all endpoints. Each row is its median round.
        # The reads' rounds come before any submission: afterwards the first page would hold
        # only the benchmark's own fresh, short laporan, cheaper to answer than the demo's mixed
        # rows at any depth, and first against deep would compare content, not depth. The
        # dashboard runs with the submissions, so it recomputes after each.
        uji = baca + tulis
        def bergiliran(titik):
            return [[wrk(u, a.durasi, h, s) for _, u, h, s in titik] for _ in range(a.putaran)]
        putaran = [r_baca + r_tulis for r_baca, r_tulis in zip(bergiliran(baca), bergiliran(tulis))]
        hasil = []
        for i, (nama, *_) in enumerate(uji):
            semua = sorted((p[i] for p in putaran), key=lambda r: r["rps"])
            tengah = dict(semua[len(semua) // 2], non2xx=sum(r["non2xx"] for r in semua),
                          rentang=f"{semua[0]['rps']:.0f}–{semua[-1]['rps']:.0f}")
            hasil.append((nama, tengah))
        dasar = hasil[0][1]["rps"]

        baris = ["| Titik akhir | req/s | rasio ke /healthz | p50 (ms) | p99 (ms) | req/s tiap putaran | KB/jawaban | non-2xx |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for nama, r in hasil:
            baris.append(f"| {nama} | {r['rps']:.0f} | {r['rps'] / dasar * 100:.0f} % | {r['p50']:.1f} | {r['p99']:.1f} "
                         f"| {r['rentang']} | {r['kb']:.1f} | {r['non2xx']} |")
        print("\n".join(baris), file=sys.stderr)  # kept even if a page below fails

        _, css, _ = panggil(url + "/css/sikim.css")
        halaman = ["/", "/masuk", "/direktori", "/informasi", "/wilayah", "/dasbor", "/kim", "/laporan", "/diseminasi",
                   "/rekap", "/pengguna", "/pengaturan", "/api/docs", f"/laporan/{id_laporan}"]
        baris += ["", "| Halaman | HTML gzip (KB) | + CSS gzip (KB) |", "|---|---:|---:|"]
        css_gz = len(gzip.compress(css, 6)) / 1024
        terbesar = 0.0
        gagal_halaman = []
        for jalur in halaman:
            nama = jalur if not jalur.startswith('/laporan/') else '/laporan/{id}'
            try:
                _, html, _ = panggil(url + jalur, cookie=cookie.split(": ", 1)[1])
            except (urllib.error.URLError, TimeoutError) as e:
                gagal_halaman.append(jalur)
                baris.append(f"| `{nama}` | {f'galat {e.code}' if isinstance(e, urllib.error.HTTPError) else 'lebih dari 30 s'} | — |")
                continue
            g = len(gzip.compress(html, 6)) / 1024
            terbesar = max(terbesar, g + css_gz)
            baris.append(f"| `{nama}` | {g:.1f} | {g + css_gz:.1f} |")
        rss = rss_puncak(server.pid)
        baris += ["", f"Mulai dingin sampai 200 pertama: {dingin * 1000:.0f} ms. Dasbor pertama (dihitung): {dasbor_dingin:.1f} s. "
                      f"RSS puncak: {rss:.0f} MB. "
                      f"Halaman terbesar dengan CSS: {terbesar:.1f} KB terkompresi. "
                      f"Basis data: {'PostgreSQL' if a.database_url else 'SQLite'}, skala {a.skala}, {a.laporan} laporan; "
                      f"wrk 2 utas, 64 koneksi, {a.durasi} s per titik; median dari {a.putaran} putaran."]
        tabel = "\n".join(baris)
        print(tabel)
        if a.keluaran:
            Path(a.keluaran).write_text(tabel + "\n")
        return 0 if all(r["non2xx"] == 0 for _, r in hasil) and not gagal_halaman else 1
    except BaseException:
        log.flush()
        print("Akhir log server:\n" + Path(log.name).read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not a.data:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
