/* SIKIM — the service worker of the phone app (issue 20).
   Pages: from the network when there is one (and kept), else the kept copy with a notice of
   when it was kept. A report form sent without a signal is kept in the outbox (IndexedDB, photos
   included) under the form's own idempotency key, and sent through the API when the signal
   returns: a laporan whose first send reached the server but lost its answer is not made twice. */
importScripts('/js/kotak-keluar.js');

var HALAMAN = 'sikim-halaman-1', ASET = 'sikim-aset-1';
/* The pages a pengurus works with; nothing else is kept. */
var SIMPAN = /^\/($|aplikasi|laporan|diseminasi|kim\/|informasi)/;
/* Forms the outbox can carry, and where the API takes them. */
var TUJUAN = [
  { pola: /^\/laporan$/, jenis: 'laporan', api: function () { return '/api/v1/laporan'; },
    judul: function (fd) { return fd.get('judul'); } },
  // the API names the KIM in the body; the page, in its path
  { pola: /^\/kim\/([0-9A-Fa-f-]{36})\/kegiatan$/, jenis: 'kegiatan', api: function () { return '/api/v1/kegiatan'; },
    tambah: function (m) { return [['kim_id', m[1]]]; }, judul: function (fd) { return fd.get('tempat'); } },
  { pola: /^\/diseminasi\/([0-9A-Fa-f-]{36})\/laporan$/, jenis: 'jangkauan', api: function (m) { return '/api/v1/diseminasi/' + m[1] + '/laporan'; },
    judul: function (fd) { return (fd.get('jangkauan') || '?') + ' warga terjangkau'; } }
];

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(HALAMAN).then(function (c) { return c.add('/aplikasi'); }).catch(function () {})
    // The outbox lives in IndexedDB, not in this version: a new version may take over at once.
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (k) {
    return Promise.all(k.filter(function (n) { return n !== HALAMAN && n !== ASET; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function tanggal(ms) {
  return new Date(ms).toLocaleString('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit',
                                                minute: '2-digit', timeZone: 'Asia/Jakarta' }) + ' WIB';
}

/* A kept page, said to be one. */
function salinan(res) {
  var kapan = Number(res.headers.get('X-SIKIM-Disimpan')) || Date.now();
  return res.text().then(function (html) {
    var pesan = '<p class="luring" role="status" id="pesan-luring">Tidak ada sinyal. Ini salinan halaman yang tersimpan di ponsel, diperbarui '
      + tanggal(kapan) + '. Laporan yang Anda kirim sekarang disimpan di ponsel dan dikirim otomatis saat ada sinyal.</p>';
    return new Response(html.replace('<main id="konten">', '<main id="konten">' + pesan),
                        { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });
}

function simpanHalaman(req, res) {
  if (!res.ok || res.redirected || res.type !== 'basic') return;
  var ketik = res.headers.get('Content-Type') || '';
  if (ketik.indexOf('text/html') !== 0) return;
  return res.clone().blob().then(function (isi) {
    var h = new Headers(res.headers);
    h.set('X-SIKIM-Disimpan', String(Date.now()));
    return caches.open(HALAMAN).then(function (c) { return c.put(req, new Response(isi, { status: 200, headers: h })); });
  });
}

function halaman(e) {
  var req = e.request, jalur = new URL(req.url).pathname;
  return fetch(req).then(function (res) {
    if (SIMPAN.test(jalur)) e.waitUntil(simpanHalaman(req, res) || Promise.resolve());
    return res;
  }, function () {
    return caches.open(HALAMAN).then(function (c) {
      return c.match(req).then(function (res) { return res || c.match('/aplikasi'); });
    }).then(function (res) {
      return res ? salinan(res) : new Response('<!doctype html><html lang="id"><title>Tidak ada sinyal</title><p>Tidak ada sinyal, dan halaman ini belum pernah dibuka di ponsel ini.</p></html>',
                                               { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    });
  });
}

function aset(e) {
  return caches.open(ASET).then(function (c) {
    return c.match(e.request).then(function (ada) {
      var baru = fetch(e.request).then(function (res) { if (res.ok) c.put(e.request, res.clone()); return res; });
      if (ada) { e.waitUntil(baru.catch(function () {})); return ada; }
      return baru;
    });
  });
}

/* A form posted while there is no signal goes to the outbox; with a signal it goes as always. */
function kirimFormulir(e, t, m) {
  var salinanPermintaan = e.request.clone();
  return fetch(e.request).then(function (res) {
    // A failed item fixed on its page and sent with a signal: the outbox copy is done with.
    if (res.type === 'opaqueredirect' || res.ok) {
      e.waitUntil(salinanPermintaan.formData().then(function (fd) { return fd.get('kunci') ? KotakKeluar.hapusGagal(String(fd.get('kunci'))) : null; })
        .catch(function () {}));
    }
    return res;
  }, function (galat) {
    var pemilik;
    return KotakKeluar.aktif().then(function (a) { pemilik = a; return a ? KotakKeluar.token(a) : null; }).then(function (token) {
      if (!token) throw galat;
      return salinanPermintaan.formData().then(function (fd) {
        var item = KotakKeluar.dariFormulir(fd, t.jenis, t.api(m), t.judul(fd), pemilik);
        item.bidang = item.bidang.concat(t.tambah ? t.tambah(m) : []);
        // Where it was written, to fix it there if the server refuses it.
        item.halaman = e.request.referrer && new URL(e.request.referrer).origin === self.location.origin ? e.request.referrer : '';
        item.formulir = new URL(e.request.url).pathname;
        // The form's idempotency key: if the first send did arrive, the retry returns it.
        if (fd.get('kunci')) item.id = String(fd.get('kunci'));
        return KotakKeluar.simpan(item).then(function () {
          if (self.registration.sync) self.registration.sync.register('kirim-kotak-keluar').catch(function () {});
          e.waitUntil(KotakKeluar.kirimSemua().catch(function () {}));
          return Response.redirect('/aplikasi?kiriman=' + encodeURIComponent(item.id), 303);
        });
      });
    });
  });
}

self.addEventListener('fetch', function (e) {
  var req = e.request, u = new URL(req.url);
  if (u.origin !== self.location.origin || u.pathname.indexOf('/api/') === 0) return;
  if (req.method === 'POST') {
    if (u.pathname === '/keluar') {
      // Signing out leaves nothing of the account's pages on the phone; its unsent items stay.
      e.waitUntil(Promise.all([caches.delete(HALAMAN), KotakKeluar.jadikanAktif('')]));
      return;
    }
    for (var i = 0; i < TUJUAN.length; i++) {
      var m = TUJUAN[i].pola.exec(u.pathname);
      if (m) { e.respondWith(kirimFormulir(e, TUJUAN[i], m)); return; }
    }
    return;
  }
  if (req.method !== 'GET') return;
  if (req.mode === 'navigate') { e.respondWith(halaman(e)); return; }
  if (/^\/(css|js)\//.test(u.pathname) || /^\/wilayah\/[0-9.]+\/batas$/.test(u.pathname)) e.respondWith(aset(e));
});

/* Background Sync where the browser has it; the pages send too, so nothing relies on it. */
self.addEventListener('sync', function (e) {
  if (e.tag === 'kirim-kotak-keluar') e.waitUntil(KotakKeluar.kirimSemua());
});
