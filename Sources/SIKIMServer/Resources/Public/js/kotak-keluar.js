/* SIKIM — the phone's outbox (issue 20), shared by the pages and the service worker.
   Each item is a form written on the phone, kept in IndexedDB with its photos, and sent to the
   API exactly once: its permanent id is the request's Idempotency-Key, so a retry after a lost
   answer returns the same laporan. States: menunggu (saved, waiting for a signal) → sedang
   (being sent) → terkirim (with the laporan number) or gagal (the server's reason). A laporan
   with large photos gets its number with small previews first; it is terkirim once the full
   photos followed (`laporanId` and `menyusul` meanwhile). */
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
    /** Removes an item that failed, once it was fixed and sent from its page. */
    hapusGagal: function (id) {
      return transaksi('kiriman', 'readwrite', function (s) {
        return minta(s.get(id)).then(function (item) { if (item && item.keadaan === 'gagal') s.delete(id); });
      }).then(kabarkan);
    },
    ubah: function (id, ubahan) {
      return transaksi('kiriman', 'readwrite', function (s) {
        return minta(s.get(id)).then(function (item) { if (item) s.put(Object.assign(item, ubahan)); });
      }).then(kabarkan);
    },
    /* One device credential per account that signed in on this phone: an item goes out as its author. */
    token: function (pemilik) { return transaksi('pengaturan', 'readonly', function (s) { return minta(s.get('token:' + pemilik)); }); },
    simpanToken: function (pemilik, t) { return transaksi('pengaturan', 'readwrite', function (s) { s.put(t, 'token:' + pemilik); }); },
    /* This phone's own id, made once: its credential replaces the one it had before. */
    perangkat: function () {
      return transaksi('pengaturan', 'readwrite', function (s) {
        return minta(s.get('perangkat')).then(function (id) {
          if (!id) { id = crypto.randomUUID(); s.put(id, 'perangkat'); }
          return id;
        });
      });
    },
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

    /** Sends an item: its content, then the full photos that follow a laporan's previews. */
    kirim: function (item, token) {
      return (item.laporanId ? kirimFotoPenuh(item, token) : siapkanPratinjau(item).then(function (i) { return kirimIsi(i, token); }))
        .catch(function (e) {
          // No signal, or the server failed: try again later, waiting longer each time (5 s … 10 min).
          var n = (item.percobaan || 0) + 1;
          var sebab = e instanceof TypeError ? 'tidak ada sinyal atau server tidak terjangkau' : (e && e.message) || 'tidak ada sinyal';
          return K.ubah(item.id, { keadaan: 'menunggu', percobaan: n, cobaLagi: Date.now() + Math.min(600000, 5000 * Math.pow(2, n - 1)),
                                   pesan: (item.laporanId ? 'Foto penuh belum terkirim (' : 'Belum terkirim (') + sebab + '). Dicoba lagi otomatis.' })
            .then(function () { return 'menunggu'; });
        });
    }
  };

  function tunda(ms) { return new Promise(function (ok) { setTimeout(ok, ms); }); }

  /* One request of the outbox; its answer with the body read. A connection kept from before the
     signal dropped fails at once; a new one is tried a second later. */
  function kirimKe(url, fd, token, tambahan) {
    var permintaan = { method: 'POST', body: fd, credentials: 'omit',
                       headers: Object.assign({ 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' }, tambahan) };
    return fetch(url, permintaan).catch(function () { return tunda(1000).then(function () { return fetch(url, permintaan); }); })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (isi) { return { r: r, isi: isi }; }); });
  }

  /* A refusal: a 4xx (but a timeout or a rate limit) ends the item as gagal with the server's
     reason, to be fixed and sent again; anything else is thrown, to be retried. */
  function tolak(item, h, awalan) {
    var isi = h.isi, r = h.r;
    var pesan = (isi.error && isi.error.message) || ('Ditolak server (kode ' + r.status + ').');
    if (r.status === 401) pesan = 'Ponsel ini tidak lagi berhak mengirim (aksesnya dicabut atau berakhir). ' + pesan;
    var rincian = ((isi.error && isi.error.rincian) || []).map(function (x) { return x.pesan; });
    if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
      return K.ubah(item.id, { keadaan: 'gagal', pesan: awalan + pesan, rincian: rincian, kodeStatus: r.status }).then(function () { return 'gagal'; });
    }
    throw new Error(pesan);
  }

  /* On 2G (50 kbit/s up) a 1600 px photo takes a minute, a preview of ~20 KB a few seconds: a
     laporan goes with a preview of each larger photo and the SHA-256 of the full one (its
     promise), and the full photos follow. Made once and kept, so a retry sends the same bytes. */
  var PRATINJAU = [[640, 0.5], [480, 0.45], [360, 0.4]], PRATINJAU_MAKS = 24 * 1024;
  function siapkanPratinjau(item) {
    // An item tried before previews existed (an older app version) goes as it went then: the
    // same key must carry the same content.
    if (item.jenis !== 'laporan' || item.pratinjau || (item.percobaan > 0 && !('pratinjau' in item)) || !item.berkas.length
        || typeof OffscreenCanvas !== 'function' || !self.createImageBitmap || !self.crypto || !crypto.subtle) return Promise.resolve(item);
    return Promise.all(item.berkas.map(function (b, i) {
      var f = b[1];
      if (f.size <= PRATINJAU_MAKS) return null;
      return Promise.all([f.arrayBuffer().then(function (x) { return crypto.subtle.digest('SHA-256', x); }), perkecil(f)]).then(function (h) {
        return { indeks: i, janji: heks(h[0]), berkas: new File([h[1]], f.name, { type: 'image/jpeg' }) };
      }).catch(function () { return null; }); // a photo the phone cannot read goes in full
    })).then(function (daftar) {
      item.pratinjau = daftar.filter(Boolean);
      return K.ubah(item.id, { pratinjau: item.pratinjau }).then(function () { return item; });
    });
  }
  function perkecil(f) {
    return createImageBitmap(f, { imageOrientation: 'from-image' }).then(function (bmp) {
      function coba(i) {
        var k = Math.min(1, PRATINJAU[i][0] / Math.max(bmp.width, bmp.height));
        var c = new OffscreenCanvas(Math.round(bmp.width * k), Math.round(bmp.height * k));
        c.getContext('2d').drawImage(bmp, 0, 0, c.width, c.height);
        return c.convertToBlob({ type: 'image/jpeg', quality: PRATINJAU[i][1] }).then(function (b) {
          return b.size <= PRATINJAU_MAKS || i === PRATINJAU.length - 1 ? b : coba(i + 1);
        });
      }
      return coba(0);
    });
  }
  function heks(buf) { return Array.prototype.map.call(new Uint8Array(buf), function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join(''); }

  function kirimIsi(item, token) {
    var fd = new FormData(), pratinjau = item.pratinjau || [], ganti = {};
    pratinjau.forEach(function (x) { ganti[x.indeks] = x.berkas; });
    item.bidang.forEach(function (b) { fd.append(b[0], b[1]); });
    item.berkas.forEach(function (b, i) { fd.append(b[0], ganti[i] || b[1], b[1].name); });
    pratinjau.forEach(function (x) { fd.append('foto_menyusul[]', x.indeks + ':' + x.janji); });
    return kirimKe(item.tujuan, fd, token, { 'Idempotency-Key': item.id, 'X-SIKIM-Kanal': 'aplikasi', 'X-SIKIM-Ditulis': item.ditulis })
      .then(function (h) {
        if (!h.r.ok) return tolak(item, h, '');
        var menyusul = pratinjau.map(function (x) { return { janji: x.janji, berkas: item.berkas[x.indeks][1] }; });
        var ubahan = { nomor: h.isi.nomor || '', tautan: K.tautan(item, h.isi), berkas: [], pratinjau: null, selesai: new Date().toISOString() };
        if (!menyusul.length) return K.ubah(item.id, Object.assign(ubahan, { keadaan: 'terkirim' })).then(function () { return 'terkirim'; });
        Object.assign(ubahan, { laporanId: h.isi.id, menyusul: menyusul, percobaan: 0, pesan: '' });
        Object.assign(item, ubahan);
        return K.ubah(item.id, ubahan).then(function () { return kirimFotoPenuh(item, token); });
      });
  }

  /* The full photos of a stored laporan, one by one; the same photo sent again is answered as
     the first time, so a lost answer costs nothing but the bytes. */
  function kirimFotoPenuh(item, token) {
    var x = item.menyusul[0];
    if (!x) return K.ubah(item.id, { keadaan: 'terkirim', pesan: '', selesai: new Date().toISOString() }).then(function () { return 'terkirim'; });
    var fd = new FormData();
    fd.append('foto[]', x.berkas, x.berkas.name || 'foto.jpg');
    return kirimKe('/api/v1/laporan/' + item.laporanId + '/foto-penuh', fd, token, {}).then(function (h) {
      if (!h.r.ok) return tolak(item, h, 'Laporan ' + item.nomor + ' sudah terkirim, tetapi foto penuhnya belum. ');
      item.menyusul = item.menyusul.slice(1);
      return K.ubah(item.id, { menyusul: item.menyusul }).then(function () { return kirimFotoPenuh(item, token); });
    });
  }
  g.KotakKeluar = K;
})(self);
