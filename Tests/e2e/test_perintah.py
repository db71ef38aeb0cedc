"""The `sikim` commands: clear Indonesian errors for bad arguments, working accounts and tokens."""
import json
import os
import signal
import socket
import subprocess
import time

from conftest import ServerSIKIM, biner_sikim, json_api


def jalankan(data_dir, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SIKIM_ADMIN_PASSWORD")}
    env["SIKIM_DATA_DIR"] = str(data_dir)
    env["SIKIM_ADMIN_PASSWORD"] = "adminrahasia123"
    return subprocess.run([biner_sikim(), *args], env=env, capture_output=True, text=True, timeout=120)


def test_migrate_idempoten(data_dir):
    pertama = jalankan(data_dir, "migrate")
    assert pertama.returncode == 0, pertama.stderr
    assert "Wilayah ditambah: 356" in pertama.stdout
    kedua = jalankan(data_dir, "migrate")
    assert kedua.returncode == 0
    assert "Wilayah ditambah: 0, diperbarui: 0" in kedua.stdout


def test_user_create_dengan_argumen_buruk(data_dir):
    kurang = jalankan(data_dir, "user", "create", "--username", "budi")
    assert kurang.returncode != 0
    assert "--username, --password dan --role wajib diisi." in kurang.stderr
    peran = jalankan(data_dir, "user", "create", "--username", "budi", "--password", "sandiuji12345", "--role", "raja")
    assert peran.returncode != 0
    assert 'Peran "raja" tidak dikenal.' in peran.stderr
    wilayah = jalankan(data_dir, "user", "create", "--username", "budi", "--password", "sandiuji12345",
                       "--role", "operator_desa", "--wilayah", "36.04.05")
    assert wilayah.returncode != 0
    assert "Kode 36.04.05 bukan kode desa yang valid." in wilayah.stderr
    pendek = jalankan(data_dir, "user", "create", "--username", "budi", "--password", "pendek", "--role", "verifikator")
    assert "Kata sandi minimal 10 karakter." in pendek.stderr


def test_user_create_reset_password_dan_token(server, data_dir):
    buat = jalankan(data_dir, "user", "create", "--username", "op.kramatwatu", "--password", "sandiuji12345",
                    "--role", "operator_kecamatan", "--wilayah", "36.04.05", "--name", "Operator Kramatwatu")
    assert buat.returncode == 0, buat.stderr
    assert "Pengguna op.kramatwatu (Operator Kecamatan) dibuat." in buat.stdout
    ganda = jalankan(data_dir, "user", "create", "--username", "op.kramatwatu", "--password", "sandiuji12345",
                     "--role", "verifikator")
    assert "Nama pengguna op.kramatwatu sudah dipakai." in ganda.stderr

    token = jalankan(data_dir, "token", "create", "--username", "op.kramatwatu")
    assert token.returncode == 0, token.stderr
    nilai = token.stdout.strip().splitlines()[-1]
    status, saya = json_api(server.url + "/api/v1/saya", token=nilai)
    assert status == 200 and saya["username"] == "op.kramatwatu" and saya["kode_wilayah"] == "36.04.05"

    setel = jalankan(data_dir, "user", "reset-password", "--username", "op.kramatwatu", "--password", "sandibaru12345")
    assert setel.returncode == 0, setel.stderr
    # The command is another process: the server's token cache (five seconds) lets the token
    # live that long at most.
    batas = time.monotonic() + 10
    while (status := json_api(server.url + "/api/v1/saya", token=nilai)[0]) == 200 and time.monotonic() < batas:
        time.sleep(0.2)  # polling interval
    assert status == 401, "a password reset revokes the user's tokens within five seconds"
    status, _ = json_api(server.url + "/api/v1/token", {"username": "op.kramatwatu", "password": "sandibaru12345"})
    assert status == 201
    tidak_ada = jalankan(data_dir, "user", "reset-password", "--username", "siapa", "--password", "sandibaru12345")
    assert "Pengguna siapa tidak ditemukan." in tidak_ada.stderr


def test_audit_verify_menemukan_riwayat_yang_diubah(server, data_dir):
    import sqlite3

    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
    laporan = {"kategori": "lingkungan", "judul": "Sampah menumpuk", "isi": "Di tepi sungai", "kode_wilayah": "36.04.05.2001"}
    status, body = json_api(server.url + "/api/v1/laporan", laporan, token=t["token"])
    assert status == 201, body
    # a verifikator never judges a laporan they sent themselves: another one does
    json_api(server.url + "/api/v1/pengguna", {"username": "verif", "nama": "Verifikator", "kata_sandi": "sandiuji12345",
                                               "peran": "verifikator"}, token=t["token"])
    _, v = json_api(server.url + "/api/v1/token", {"username": "verif", "password": "sandiuji12345"})
    status, hasil = json_api(server.url + f"/api/v1/laporan/{body['id']}/transisi",
                             {"ke": "tidak_valid", "alasan": "hoaks", "catatan": "foto lama"}, token=v["token"])
    assert status == 200, hasil

    utuh = jalankan(data_dir, "audit", "verify")
    assert utuh.returncode == 0, utuh.stderr
    assert "Jejak audit utuh: 1 laporan diperiksa." in utuh.stdout

    db = sqlite3.connect(str(data_dir / "sikim.sqlite"))
    db.execute("UPDATE laporan_peristiwa SET catatan = 'foto baru' WHERE aksi = 'tolak'")
    db.commit()
    db.close()
    rusak = jalankan(data_dir, "audit", "verify")
    assert rusak.returncode != 0
    assert f"Riwayat 1 laporan telah diubah di basis data: {body['nomor']}" in rusak.stderr


def test_backup_saat_melayani_lalu_restore_di_direktori_baru(server, data_dir, tmp_path):
    _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
    laporan = {"kategori": "lingkungan", "judul": "Banjir di Pontang", "isi": "Air setinggi lutut", "kode_wilayah": "36.04.05.2001"}
    status, body = json_api(server.url + "/api/v1/laporan", laporan, token=t["token"])
    assert status == 201, body

    cadangan = tmp_path / "cadangan.sqlite"
    hasil = jalankan(data_dir, "backup", str(cadangan))  # while the server keeps serving
    assert hasil.returncode == 0, hasil.stderr
    assert f"Cadangan tersimpan di {cadangan}." in hasil.stdout
    lagi = jalankan(data_dir, "backup", str(cadangan))
    assert lagi.returncode != 0 and "sudah ada; pilih nama lain" in lagi.stderr

    baru = tmp_path / "baru"
    baru.mkdir()
    pulih = jalankan(baru, "restore", str(cadangan))
    assert pulih.returncode == 0, pulih.stderr
    s = ServerSIKIM(baru)
    try:
        status, isi = json_api(s.url + f"/api/v1/laporan/{body['id']}", token=t["token"])
        assert status == 200 and isi["judul"] == "Banjir di Pontang", "laporan and the token came back"
    finally:
        s.berhenti()

    asing = tmp_path / "asing.sqlite"
    asing.write_text("bukan basis data")
    tolak = jalankan(baru, "restore", str(asing))
    assert tolak.returncode != 0 and "bukan basis data SIKIM" in tolak.stderr


def test_sigterm_saat_melayani_berhenti_bersih(server):
    """SIGTERM while submissions are still being handled, their clients already gone: the
    server finishes them before closing the database, then exits 0 (it used to crash:
    a handler whose client hung up outlived the database)."""
    sandi = server.sandi_admin_pertama()
    status, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": sandi})
    assert status == 201, t
    badan = json.dumps({"kategori": "lingkungan", "judul": "Sampah menumpuk", "isi": "Di tepi sungai desa",
                        "kode_wilayah": "36.04.05.2001"}).encode()
    permintaan = (f"POST /api/v1/laporan HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {t['token']}\r\n"
                  f"Content-Type: application/json\r\nContent-Length: {len(badan)}\r\nConnection: close\r\n\r\n").encode() + badan
    soket = []
    for _ in range(64):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        s.sendall(permintaan)
        soket.append(s)
    for s in soket:  # hang up without reading the answers
        s.close()
    server.proses.send_signal(signal.SIGTERM)
    kode = server.proses.wait(timeout=60)
    log = server.keluaran()
    assert kode == 0, log
    assert "Backtracing" not in log and "Fatal error" not in log, log
    # Whatever was stored is whole: the restarted server answers and lists it.
    ulang = ServerSIKIM(server.data_dir)
    try:
        status, t2 = json_api(ulang.url + "/api/v1/token", {"username": "admin", "password": sandi})
        assert status == 201
        status, daftar = json_api(ulang.url + "/api/v1/laporan?limit=100", token=t2["token"])
        assert status == 200 and len(daftar["data"]) <= 64
    finally:
        ulang.berhenti()
