/* SIKIM — the phone app on a pengurus's pages (issue 20): registers the service worker, gets
   this phone its device credential once, sends the outbox (on opening a page, when the signal
   returns, every half minute while a page is open) and draws the outbox where a page has one. */
(function () {
  'use strict';
  var K = self.KotakKeluar;
  if (!K || !('serviceWorker' in navigator) || !window.indexedDB) return;
  var LABEL = { menunggu: 'Tersimpan di ponsel, menunggu sinyal', sedang: 'Sedang dikirim', terkirim: 'Terkirim', gagal: 'Gagal' };
  var JENIS = { laporan: 'Laporan', kegiatan: 'Kegiatan', jangkauan: 'Laporan penyebaran' };

  function csrf() { var i = document.querySelector('input[name=_csrf]'); return i ? i.value : ''; }
  var meta = document.querySelector('meta[name=sikim-pengguna]'), saya = meta ? meta.content : '';
  if (!saya) return;

  /* The device credential: asked for once while signed in, and again after it was refused;
     two pages opened at once ask once (the lock). */
  function pastikanToken() {
    if (navigator.locks) return navigator.locks.request('sikim-perangkat', mintaToken);
    return mintaToken();
  }
  function mintaToken() {
    return K.jadikanAktif(saya).then(function () { return K.token(saya); }).then(function (t) {
      if (t && !t.ditolak) return t;
      if (!navigator.onLine || !csrf()) return t;
      return K.perangkat().then(function (ponsel) {
        return fetch('/aplikasi/perangkat', { method: 'POST', credentials: 'same-origin',
                                              headers: { 'X-CSRF-Token': csrf(), 'X-SIKIM-Perangkat': ponsel, 'Accept': 'application/json' } });
      }).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) {
          if (!j) return t;
          var baru = { token: j.token, nama: j.nama, berlakuSampai: j.berlaku_sampai };
          return K.simpanToken(saya, baru).then(function () { return baru; });
        }, function () { return t; });
    });
  }

  function kirim(segera) {
    return K.kirimSemua(segera === true).then(function () { return K.semua(); }).then(function (d) {
      // A refused credential is asked for anew on the next signed-in page.
      if (d.some(function (i) { return i.pemilik === saya && i.kodeStatus === 401 && i.keadaan === 'gagal'; })) {
        return K.token(saya).then(function (t) { if (t && !t.ditolak) { t.ditolak = true; return K.simpanToken(saya, t); } });
      }
    }).catch(function () {});
  }

  function gambar() {
    var daftar = document.getElementById('kotak-keluar');
    if (!daftar) return;
    K.semua().then(function (d) {
      var kosong = document.getElementById('kosong-kotak-keluar');
      if (kosong) kosong.hidden = d.length > 0;
      daftar.textContent = '';
      d.forEach(function (i) {
        var li = document.createElement('li');
        li.setAttribute('data-keadaan', i.keadaan);
        li.setAttribute('data-id', i.id);
        var kepala = document.createElement('p');
        var k = document.createElement('span');
        var menyusul = i.laporanId && i.keadaan !== 'terkirim' && i.keadaan !== 'gagal';
        k.className = 'keadaan'; k.textContent = menyusul ? 'Laporan tercatat, foto penuh menyusul (' + i.menyusul.length + ' lagi)' : LABEL[i.keadaan] || i.keadaan;
        kepala.appendChild(k);
        kepala.appendChild(document.createTextNode(' · ' + (JENIS[i.jenis] || i.jenis) + ': ' + i.judul));
        li.appendChild(kepala);
        var ket = document.createElement('p');
        ket.className = 'kecil';
        ket.textContent = 'Ditulis ' + new Date(i.ditulis).toLocaleString('id-ID', { weekday: 'long', day: 'numeric', month: 'long',
          year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' }) + ' WIB';
        li.appendChild(ket);
        if (i.tautan) {
          var a = document.createElement('a'); a.href = i.tautan; a.className = 'nomor-terkirim';
          a.textContent = i.nomor || 'Lihat yang tersimpan';
          var p = document.createElement('p'); p.appendChild(document.createTextNode(i.nomor ? 'Nomor: ' : '')); p.appendChild(a); li.appendChild(p);
        }
        if (i.pesan && i.keadaan !== 'terkirim') {
          var pesan = document.createElement('p');
          pesan.className = i.keadaan === 'gagal' ? 'pesan-galat' : 'kecil';
          pesan.textContent = i.pesan + (i.rincian && i.rincian.length ? ' ' + i.rincian.join(' ') : '');
          li.appendChild(pesan);
        }
        if (i.keadaan === 'gagal') {
          var tombol = [['Kirim ulang', function () { K.ubah(i.id, { keadaan: 'menunggu', cobaLagi: 0, pesan: '' }).then(function () { return kirim(true); }); }],
                        ['Hapus dari ponsel', function () { if (confirm('Hapus kiriman ini dari ponsel? Isinya akan hilang.')) K.hapus(i.id); }]];
          // A refused laporan is fixed on its own form, filled with what was written.
          if (i.halaman && i.formulir && !i.laporanId) {
            tombol.unshift(['Perbaiki', function () { location.href = i.halaman + (i.halaman.indexOf('?') < 0 ? '?' : '&') + 'perbaiki=' + encodeURIComponent(i.id); }]);
          }
          tombol.forEach(function (t) {
              var b = document.createElement('button'); b.type = 'button'; b.className = 'tombol-kecil'; b.textContent = t[0];
              b.addEventListener('click', t[1]); li.appendChild(b);
            });
        }
        daftar.appendChild(li);
      });
    });
  }

  /* "Perbaiki": the form an item was written on, filled with it again (its photos too) and
     with the server's reason above it; sent as the same item (its idempotency key). */
  function isiUlang() {
    var id = new URLSearchParams(location.search).get('perbaiki');
    if (!id) return;
    K.semua().then(function (d) {
      var item = d.filter(function (i) { return i.id === id && i.keadaan === 'gagal'; })[0];
      var form = item && Array.prototype.filter.call(document.forms, function (f) {
        return f.method === 'post' && new URL(f.action, location.href).pathname === item.formulir;
      })[0];
      if (!form) return;
      var nilai = {};
      item.bidang.forEach(function (b) { (nilai[b[0]] = nilai[b[0]] || []).push(b[1]); });
      Object.keys(nilai).forEach(function (nama) {
        var el = form.querySelectorAll('[name="' + nama.replace(/"/g, '') + '"]');
        Array.prototype.forEach.call(el, function (e, n) {
          if (e.type === 'checkbox' || e.type === 'radio') e.checked = nilai[nama].indexOf(e.value) >= 0;
          else if (e.type !== 'file' && n < nilai[nama].length) e.value = nilai[nama][n];
        });
      });
      var kunci = form.querySelector('input[name=kunci]');
      if (kunci) kunci.value = item.id;
      // Copied out of IndexedDB first: Chromium does not send a file kept there with a form.
      Promise.all(item.berkas.map(function (b) {
        return b[1].arrayBuffer().then(function (isi) { return [b[0], new File([isi], b[1].name, { type: b[1].type })]; });
      })).then(function (salinan) {
        var berkas = {};
        salinan.forEach(function (b) { (berkas[b[0]] = berkas[b[0]] || new DataTransfer()).items.add(b[1]); });
        Object.keys(berkas).forEach(function (nama) {
          var input = form.querySelector('input[type=file][name="' + nama.replace(/"/g, '') + '"]');
          if (input) input.files = berkas[nama].files;
        });
      });
      var p = document.createElement('p');
      p.className = 'pesan-galat'; p.id = 'pesan-perbaiki'; p.setAttribute('role', 'alert');
      p.textContent = 'Kiriman ini ditolak server: ' + item.pesan + ' Perbaiki isian di bawah, lalu kirim lagi.';
      form.parentNode.insertBefore(p, form);
      p.scrollIntoView();
    });
  }

  function tulisPerangkat(t) {
    var s = document.getElementById('status-perangkat');
    if (!s) return;
    s.textContent = t && !t.ditolak
      ? 'Ponsel ini siap: halaman KIM Anda tersimpan untuk dibuka tanpa sinyal, dan kiriman tanpa sinyal dikirim otomatis. Akses ponsel ini berlaku sampai '
        + new Date(t.berlakuSampai).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }) + '.'
      : 'Ponsel ini belum siap dipakai tanpa sinyal. Buka halaman ini sekali lagi saat ada sinyal.';
  }

  navigator.serviceWorker.register('/sw.js').catch(function () {});
  pastikanToken().then(function (t) { tulisPerangkat(t); return kirim(true); });
  K.dengar(gambar);
  isiUlang();
  window.addEventListener('online', function () { kirim(true); });
  setInterval(kirim, 30000);
  gambar();
})();
