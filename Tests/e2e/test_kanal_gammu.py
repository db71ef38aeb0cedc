"""Issue 21, SMS through gammu-smsd instead of Kannel: gammu's RunOnReceive hook runs
`sikim sms terima` with the message in its environment (a long SMS in two parts, joined), and the
reply goes out through `gammu-smsd-inject` — here a stand-in script that records its command
line as gammu's would receive it. A hook run twice for the same message stores it once."""
import json
import os
import stat
import subprocess
import sys
import time

from conftest import ServerSIKIM, biner_sikim, json_api

BAGIAN = ("Pak, jembatan gantung di Desa Kramatwatu miring sejak hujan deras tadi malam, tali bajanya putus satu dan "
          "warga masih nekat lewat. ", "Mohon segera dicek sebelum ada korban.")


def test_sms_gammu_masuk_digabung_dan_dibalas(data_dir):
    catatan = data_dir / "inject.log"
    inject = data_dir / "gammu-smsd-inject"
    inject.write_text(f"#!{sys.executable}\nimport json, sys\nopen({str(catatan)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n"
                      "print('Written message with ID /var/spool/gammu/outbox/OUTC_1.txt')\n")
    inject.chmod(inject.stat().st_mode | stat.S_IEXEC)
    env = {"SIKIM_SMS_GAMMU": "ya", "SIKIM_GAMMU_INJECT": str(inject)}
    server = ServerSIKIM(data_dir, env=env)
    try:
        _, t = json_api(server.url + "/api/v1/token", {"username": "admin", "password": server.sandi_admin_pertama()})
        status, _ = json_api(server.url + "/api/v1/kanal/sms/apa-saja?from=0812&text=x")
        assert status == 404, "with gammu there is no Kannel route"

        hook = {**os.environ, "SIKIM_DATA_DIR": str(data_dir), **env, "SMS_MESSAGES": "2", "DECODED_PARTS": "1",
                "SMS_1_NUMBER": "+6285711112222", "SMS_1_TEXT": BAGIAN[0], "SMS_2_NUMBER": "+6285711112222", "SMS_2_TEXT": BAGIAN[1],
                "DECODED_1_TEXT": "".join(BAGIAN)}
        hook.pop("DATABASE_URL", None)
        for _ in range(2):  # gammu may run the hook again after two minutes
            hasil = subprocess.run([biner_sikim(), "sms", "terima", "--id", "IN20261203_101500_00_+6285711112222_00.txt "
                                    "IN20261203_101500_00_+6285711112222_01.txt"], env=hook, cwd=data_dir,
                                   capture_output=True, text=True, timeout=120)
            assert hasil.returncode == 0, hasil.stdout + hasil.stderr

        _, triase = json_api(server.url + "/api/v1/pesan-masuk", token=t["token"])
        assert [p["teks"] for p in triase["data"]] == ["".join(BAGIAN)], "the two parts are one message, stored once"

        akhir = time.monotonic() + 30
        while time.monotonic() < akhir and not (catatan.exists() and catatan.read_text()):
            time.sleep(0.1)  # polling interval: the server's outbox runs every two seconds
        panggilan = [json.loads(b) for b in catatan.read_text().splitlines()]
        assert len(panggilan) == 1, panggilan
        assert panggilan[0][:2] == ["TEXT", "+6285711112222"] and panggilan[0][2] == "-text", panggilan
        assert panggilan[0][3].startswith("Terima kasih, pesan Anda diterima"), panggilan
    finally:
        server.berhenti()
