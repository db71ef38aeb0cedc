/* SIKIM — the phone's outbox (issue 20), shared by the pages and the service worker.
   Each item is a form written on the phone, kept in IndexedDB with its photos, and sent to the
   API exactly once: its permanent id is the request's Idempotency-Key, so a retry after a lost
   answer returns the same laporan. States: menunggu (saved, waiting for a signal) → sedang
   (being sent) → terkirim (with the laporan number) or gagal (the server's reason). */
(function (g) {
  'use strict';
  var DB = 'sikim', VERSI = 1, SEDANG_BASI = 60 * 1000;
  var saluran = typeof BroadcastChannel === 'function' ? new BroadcastChannel('sikim-kotak-keluar') : null;

  function buka() {
    return new Promise(function (ok, gagal) {
      var r = indexedDB.open(DB, VERSI);
      // A later version migrates here; items are never dropped by an upgrade.
      r.onupgradeneeded = function () {
        var db = r.result;
        if (!db.objectStoreNames.contains('kiriman')) db.createObjectStore('kiriman', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('pengaturan')) db.createObjectStore('pengaturan');
      };
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { gagal(r.error); };
    });
  }
  function transaksi(toko, mode, kerja) {
    return buka().then(function (db) {
      return new Promise(function (ok, gagal) {
        var t = db.transaction(toko, mode), hasil;
        Promise.resolve(kerja(t.objectStore(toko))).then(function (h) { hasil = h; });
        t.oncomplete = function () { db.close(); ok(hasil); };
        t.onerror = t.onabort = function () { db.close(); gagal(t.error); };
      });
    });
  }
  function minta(r) { return new Promise(function (ok, gagal) { r.onsuccess = function () { ok(r.result); }; r.onerror = function () { gagal(r.error); }; }); }
  var pendengar = [];
  /* Other pages and the service worker hear of a change by the channel, this one directly
     (a channel does not deliver to its own sender). */
  function kabarkan() {
    if (saluran) saluran.postMessage('berubah');
    pendengar.forEach(function (f) { f(); });
  }

  var K = {
    dengar: function (f) {
      pendengar.push(f);
      if (saluran) saluran.addEventListener('message', f);
    },
    semua: function () {
      return transaksi('kiriman', 'readonly', function (s) { return minta(s.getAll()); })
        .then(function (d) { return d.sort(function (a, b) { return a.ditulis < b.ditulis ? 1 : -1; }); });
    },
    simpan: function (item) { return transaksi('kiriman', 'readwrite', function (s) { s.put(item); }).then(kabarkan); },
    hapus: function (id) { return transaksi('kiriman', 'readwrite', function (s) { s.delete(id); }).then(kabarkan); },
    ubah: function (id, ubahan) {
      return transaksi('kiriman', 'readwrite', function (s) {
        return minta(s.get(id)).then(function (item) { if (item) s.put(Object.assign(item, ubahan)); });
      }).then(kabarkan);
    },
    /* One device credential per account that signed in on this phone: an item goes out as its author. */
    token: function (pemilik) { return transaksi('pengaturan', 'readonly', function (s) { return minta(s.get('token:' + pemilik)); }); },
    simpanToken: function (pemilik, t) { return transaksi('pengaturan', 'readwrite', function (s) { s.put(t, 'token:' + pemilik); }); },
    /* The account signed in on this phone's pages now (none after signing out). */
    aktif: function () { return transaksi('pengaturan', 'readonly', function (s) { return minta(s.get('aktif')); }); },
    jadikanAktif: function (pemilik) { return transaksi('pengaturan', 'readwrite', function (s) { s.put(pemilik || '', 'aktif'); }); },

    /** A form as an item: text fields and files, what it is and where it goes. */
    dariFormulir: function (fd, jenis, tujuan, judul, pemilik) {
      var bidang = [], berkas = [];
      fd.forEach(function (v, k) {
        if (k === '_csrf' || k === 'kunci' || k === 'tertunda') return;
        if (typeof v === 'string') bidang.push([k, v]);
        else if (v.size > 0) berkas.push([k, v]);
      });
      return { id: crypto.randomUUID(), jenis: jenis, tujuan: tujuan, judul: judul || '', bidang: bidang, berkas: berkas, pemilik: pemilik,
               ditulis: new Date().toISOString(), keadaan: 'menunggu', percobaan: 0, cobaLagi: 0 };
    },

    /** Takes the next item to send, in one transaction, so two senders never take the same;
        `segera` (a page opened, the signal back) does not wait out the retry delay; `kecuali`:
        the ids this round already tried; `tunggal`: this sender holds the outbox's lock, so an
        item left "sedang" was left by a sender that died (a closed tab, a sleeping phone). */
    ambil: function (segera, kecuali, tunggal) {
      var sekarang = Date.now();
      return transaksi('kiriman', 'readwrite', function (s) {
        return minta(s.getAll()).then(function (semua) {
          var item = semua.filter(function (i) {
            if (kecuali && kecuali[i.id]) return false;
            return (i.keadaan === 'menunggu' && (segera || i.cobaLagi <= sekarang)) || (i.keadaan === 'sedang' && (tunggal || sekarang - i.mulai > SEDANG_BASI));
          }).sort(function (a, b) { return a.ditulis < b.ditulis ? -1 : 1; })[0];
          if (item) { item.keadaan = 'sedang'; item.mulai = sekarang; s.put(item); }
          return item;
        });
      }).then(function (item) { kabarkan(); return item; });
    },

    /** Sends every item due, one after another; answers how many went. */
    kirimSemua: function (segera) {
      // One sender at a time across the pages and the service worker; a lock dies with its holder.
      if (self.navigator && navigator.locks) {
        // A page opened or the signal back waits its turn; a periodic try skips it.
        return navigator.locks.request('sikim-kotak-keluar', segera ? {} : { ifAvailable: true }, function (kunci) {
          return kunci ? K.kirimSendiri(segera, true) : 0;
        });
      }
      return K.kirimSendiri(segera, false);
    },

    kirimSendiri: function (segera, tunggal) {
      var terkirim = 0, dicoba = {};
      function berikut() {
        return K.ambil(segera, dicoba, tunggal).then(function (item) {
          if (!item) return terkirim;
          dicoba[item.id] = true;
          return K.token(item.pemilik).then(function (t) {
            if (!t) return K.ubah(item.id, { keadaan: 'gagal', pesan: 'Ponsel ini belum punya akses untuk akun penulisnya. Masuk dengan akun itu, lalu kirim ulang.' });
            return K.kirim(item, t.token).then(function (hasil) { if (hasil === 'terkirim') terkirim++; });
          }).then(berikut);
        });
      }
      return berikut();
    },

    /** Where what was stored can be seen. */
    tautan: function (item, isi) {
      if (item.jenis === 'laporan' && isi.id) return '/laporan/' + isi.id;
      if (item.jenis === 'kegiatan' && (isi.kim_id || isi.kimId)) return '/kim/' + (isi.kim_id || isi.kimId) + '#aktivitas';
      if (item.jenis === 'jangkauan' && isi.id) return '/diseminasi/' + isi.id;
      return '';
    },

    kirim: function (item, token) {
      var fd = new FormData();
      item.bidang.forEach(function (b) { fd.append(b[0], b[1]); });
      item.berkas.forEach(function (b) { fd.append(b[0], b[1], b[1].name); });
      var permintaan = {
        method: 'POST', body: fd, credentials: 'omit',
        headers: { 'Authorization': 'Bearer ' + token, 'Idempotency-Key': item.id, 'X-SIKIM-Kanal': 'aplikasi',
                   'X-SIKIM-Ditulis': item.ditulis, 'Accept': 'application/json' }
      };
      // A connection kept from before the signal dropped fails at once; a new one is tried a second later.
      return fetch(item.tujuan, permintaan).catch(function () {
        return new Promise(function (ok) { setTimeout(ok, 1000); }).then(function () { return fetch(item.tujuan, permintaan); });
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (isi) {
          if (r.ok) {
            return K.ubah(item.id, { keadaan: 'terkirim', nomor: isi.nomor || '', tautan: K.tautan(item, isi),
                                     berkas: [], selesai: new Date().toISOString() }).then(function () { return 'terkirim'; });
          }
          var pesan = (isi.error && isi.error.message) || ('Ditolak server (kode ' + r.status + ').');
          if (r.status === 401) pesan = 'Ponsel ini tidak lagi berhak mengirim (aksesnya dicabut atau berakhir). ' + pesan;
          var rincian = ((isi.error && isi.error.rincian) || []).map(function (x) { return x.pesan; });
          if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
            return K.ubah(item.id, { keadaan: 'gagal', pesan: pesan, rincian: rincian, kodeStatus: r.status }).then(function () { return 'gagal'; });
          }
          throw new Error(pesan);
        });
      }).catch(function (e) {
        // No signal, or the server failed: try again later, waiting longer each time (5 s … 10 min).
        var n = (item.percobaan || 0) + 1;
        var sebab = e instanceof TypeError ? 'tidak ada sinyal atau server tidak terjangkau' : (e && e.message) || 'tidak ada sinyal';
        return K.ubah(item.id, { keadaan: 'menunggu', percobaan: n, cobaLagi: Date.now() + Math.min(600000, 5000 * Math.pow(2, n - 1)),
                                 pesan: 'Belum terkirim (' + sebab + '). Dicoba lagi otomatis.' })
          .then(function () { return 'menunggu'; });
      });
    }
  };
  g.KotakKeluar = K;
})(self);
