/* SIKIM — the report form on a phone (an enhancement: the form works without it).
   "Gunakan lokasi saya" and a tap-to-place pin on the chosen desa's map fill the coordinates;
   photos are checked and, when large, reduced on the phone before they are sent. */
(function () {
  'use strict';
  var form = document.getElementById('form-laporan');
  if (!form) return;
  var NS = 'http://www.w3.org/2000/svg';
  var MAKS_BITA = 5 * 1024 * 1024, SISI = 1600, MUTU = 0.8, MAKS_FOTO = 5;
  var angka = function (x, d) { return x.toLocaleString('id-ID', { maximumFractionDigits: d || 0 }); };
  var ukuran = function (b) { return b >= 1048576 ? angka(b / 1048576, 1) + ' MB' : angka(Math.ceil(b / 1024)) + ' KB'; };

  /* ---- Location ---- */
  var desa = document.getElementById('kode_wilayah'), lat = document.getElementById('lat'), lon = document.getElementById('lon');
  var kotak = document.getElementById('peta-lokasi'), pesan = document.getElementById('pesan-lokasi');
  var batas = null, proyeksi = null, pin = null;

  function cincin(g) { return g.type === 'Polygon' ? [g.coordinates] : g.coordinates; }
  function didalam(x, y) { // ray casting over every ring of every polygon
    if (!batas) return true;
    var masuk = false;
    cincin(batas.geometry).forEach(function (poli) {
      poli.forEach(function (r) {
        for (var i = 0, j = r.length - 1; i < r.length; j = i++) {
          if ((r[i][1] > y) !== (r[j][1] > y) && x < (r[j][0] - r[i][0]) * (y - r[i][1]) / (r[j][1] - r[i][1]) + r[i][0]) masuk = !masuk;
        }
      });
    });
    return masuk;
  }
  function tulisPesan(teks) { pesan.textContent = teks; }
  function periksa() {
    var y = parseFloat(lat.value), x = parseFloat(lon.value);
    if (isNaN(x) || isNaN(y)) { if (pin) pin.setAttribute('visibility', 'hidden'); return; }
    if (proyeksi && pin) {
      var p = proyeksi.ke(x, y);
      pin.setAttribute('transform', 'translate(' + p[0] + ' ' + p[1] + ')');
      pin.setAttribute('visibility', 'visible');
    }
    tulisPesan(batas && !didalam(x, y) ? 'Titik ini di luar ' + batas.properties.nama + '. Periksa lagi desa yang dipilih.' : '');
  }
  function isi(x, y) { lon.value = x.toFixed(6); lat.value = y.toFixed(6); periksa(); }

  function gambar() {
    kotak.textContent = '';
    if (!batas) { kotak.hidden = true; return; }
    var titik = [].concat.apply([], [].concat.apply([], cincin(batas.geometry)));
    var xs = titik.map(function (p) { return p[0]; }), ys = titik.map(function (p) { return p[1]; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var kx = Math.cos((y0 + y1) / 2 * Math.PI / 180), L = 320, s = L / Math.max((x1 - x0) * kx, (y1 - y0), 1e-9), T = (y1 - y0) * s;
    proyeksi = {
      ke: function (x, y) { return [(x - x0) * kx * s + 10, (y1 - y) * s + 10]; },
      dari: function (px, py) { return [(px - 10) / (kx * s) + x0, y1 - (py - 10) / s]; }
    };
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + ((x1 - x0) * kx * s + 20) + ' ' + (T + 20));
    svg.setAttribute('aria-hidden', 'true'); // the two fields are the accessible way
    var d = cincin(batas.geometry).map(function (poli) {
      return poli.map(function (r) { return 'M' + r.map(function (p) { return proyeksi.ke(p[0], p[1]).join(' '); }).join('L') + 'Z'; }).join('');
    }).join('');
    var jalur = document.createElementNS(NS, 'path');
    jalur.setAttribute('d', d);
    jalur.setAttribute('class', 'batas-desa');
    svg.appendChild(jalur);
    pin = document.createElementNS(NS, 'g');
    pin.innerHTML = '<circle r="9" class="pin-luar"></circle><circle r="3" class="pin-dalam"></circle>';
    pin.setAttribute('visibility', 'hidden');
    svg.appendChild(pin);
    svg.addEventListener('click', function (e) {
      var p = svg.createSVGPoint(); p.x = e.clientX; p.y = e.clientY;
      var q = p.matrixTransform(svg.getScreenCTM().inverse()), g = proyeksi.dari(q.x, q.y);
      isi(g[0], g[1]);
    });
    kotak.appendChild(svg);
    kotak.hidden = false;
    periksa();
  }
  function muatBatas() {
    batas = null; proyeksi = null; pin = null;
    if (!desa || !desa.value || !window.fetch) { gambar(); return; }
    fetch('/wilayah/' + encodeURIComponent(desa.value) + '/batas')
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (f) { batas = f; gambar(); }, function () { gambar(); });
  }
  if (lat && lon && kotak) {
    if (navigator.geolocation) {
      var tombol = document.createElement('button');
      tombol.type = 'button'; tombol.className = 'tombol-kecil'; tombol.id = 'lokasi-saya'; tombol.textContent = 'Gunakan lokasi saya';
      tombol.addEventListener('click', function () {
        tulisPesan('Mencari lokasi…');
        navigator.geolocation.getCurrentPosition(function (p) {
          isi(p.coords.longitude, p.coords.latitude);
          if (!pesan.textContent) tulisPesan('Lokasi terisi (ketelitian sekitar ' + angka(p.coords.accuracy) + ' m).');
        }, function () { tulisPesan('Lokasi tidak bisa diambil. Ketuk peta atau isi koordinat sendiri.'); },
        { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
      });
      kotak.parentNode.insertBefore(tombol, kotak);
    }
    [lat, lon].forEach(function (i) { i.addEventListener('change', periksa); });
    if (desa) desa.addEventListener('change', muatBatas);
    muatBatas();
    simpanSemuaBatas();
  }

  /* With the phone app installed, every desa of the picker keeps its boundary (the service
     worker caches them), so a point is checked without a signal too; only those not kept yet,
     one at a time, and none when the user asked to save data. */
  function simpanSemuaBatas() {
    if (!desa || !window.caches || !navigator.serviceWorker || !navigator.serviceWorker.controller || !navigator.onLine
        || (navigator.connection && navigator.connection.saveData)) return;
    Array.prototype.map.call(desa.options, function (o) { return o.value; }).filter(Boolean).slice(0, 60)
      .reduce(function (p, k) {
        var u = '/wilayah/' + encodeURIComponent(k) + '/batas';
        return p.then(function () { return caches.match(u).then(function (ada) { return ada || fetch(u); }); }).catch(function () {});
      }, Promise.resolve());
  }

  /* ---- Photos ---- */
  var foto = document.getElementById('foto'), cek = document.getElementById('cek-foto');

  /* The place a camera wrote into a JPEG (EXIF GPS), read before the photo is reduced (which
     drops it): offered as the laporan's point, never filled in unasked. */
  function lokasiExif(buf) {
    var v = new DataView(buf), i = 2;
    if (v.byteLength < 4 || v.getUint16(0) !== 0xFFD8) return null;
    while (i + 10 < v.byteLength) {
      var penanda = v.getUint16(i), panjang = v.getUint16(i + 2);
      if (penanda === 0xFFE1 && v.getUint32(i + 4) === 0x45786966) return gpsTiff(v, i + 10);
      if ((penanda & 0xFF00) !== 0xFF00 || penanda === 0xFFDA) return null;
      i += 2 + panjang;
    }
    return null;
  }
  function gpsTiff(v, tiff) {
    try {
      var kecil = v.getUint16(tiff) === 0x4949;
      var u16 = function (o) { return v.getUint16(tiff + o, kecil); }, u32 = function (o) { return v.getUint32(tiff + o, kecil); };
      var ifd = u32(4), gps = 0, k, e;
      for (k = 0; k < u16(ifd); k++) { e = ifd + 2 + k * 12; if (u16(e) === 0x8825) gps = u32(e + 8); }
      if (!gps) return null;
      var t = {};
      for (k = 0; k < u16(gps); k++) {
        e = gps + 2 + k * 12;
        var tag = u16(e), jenis = u16(e + 2), o = u32(e + 8);
        if (jenis === 2) t[tag] = String.fromCharCode(v.getUint8(tiff + e + 8));
        else if (jenis === 5 && u32(e + 4) === 3) t[tag] = u32(o) / u32(o + 4) + u32(o + 8) / u32(o + 12) / 60 + u32(o + 16) / u32(o + 20) / 3600;
      }
      if (!(t[2] >= 0) || !(t[4] >= 0)) return null;
      return { lat: t[1] === 'S' ? -t[2] : t[2], lon: t[3] === 'W' ? -t[4] : t[4] };
    } catch (x) { return null; }
  }
  function tawarkanLokasi(f) {
    if (!lat || !lon || !kotak || lat.value || lon.value || f.type !== 'image/jpeg') return;
    f.slice(0, 256 * 1024).arrayBuffer().then(function (b) {
      var g = lokasiExif(b), ada = document.getElementById('lokasi-foto');
      if (!g || ada) return;
      var t = document.createElement('button');
      t.type = 'button'; t.className = 'tombol-kecil'; t.id = 'lokasi-foto';
      t.textContent = 'Pakai lokasi dari foto (' + angka(g.lat, 5) + ', ' + angka(g.lon, 5) + ')';
      t.addEventListener('click', function () { isi(g.lon, g.lat); t.remove(); });
      kotak.parentNode.insertBefore(t, kotak);
    });
  }
  function perkecil(f) {
    if (!/^image\/(jpeg|png|webp)$/.test(f.type)) return Promise.reject(f.name + ' bukan foto JPEG, PNG atau WebP.');
    if (!window.createImageBitmap || !window.DataTransfer) {
      return f.size <= MAKS_BITA ? Promise.resolve({ berkas: f }) : Promise.reject(f.name + ' lebih dari 5 MB.');
    }
    return createImageBitmap(f, { imageOrientation: 'from-image' }).then(function (bmp) {
      var k = Math.min(1, SISI / Math.max(bmp.width, bmp.height));
      if (k === 1 && f.size <= 1.5 * 1024 * 1024) return { berkas: f };
      var c = document.createElement('canvas');
      c.width = Math.round(bmp.width * k); c.height = Math.round(bmp.height * k);
      c.getContext('2d').drawImage(bmp, 0, 0, c.width, c.height);
      return new Promise(function (ok) { c.toBlob(ok, 'image/jpeg', MUTU); }).then(function (b) {
        var nama = f.name.replace(/\.[^.]*$/, '') + '.jpg';
        return { berkas: new File([b], nama, { type: 'image/jpeg' }), dari: f.size };
      });
    }, function () { return Promise.reject(f.name + ' tidak bisa dibaca sebagai foto.'); });
  }
  if (foto && cek) {
    foto.addEventListener('change', function () {
      var daftar = Array.prototype.slice.call(foto.files);
      if (!daftar.length) { cek.textContent = ''; return; }
      tawarkanLokasi(daftar[0]);
      if (daftar.length > MAKS_FOTO) { cek.textContent = 'Paling banyak ' + MAKS_FOTO + ' foto. Pilih ulang.'; foto.value = ''; return; }
      cek.textContent = 'Memeriksa foto…';
      Promise.all(daftar.map(perkecil)).then(function (hasil) {
        var dt = new DataTransfer(), catatan = [];
        hasil.forEach(function (h) {
          dt.items.add(h.berkas);
          if (h.dari) catatan.push(h.berkas.name + ' ' + ukuran(h.dari) + ' → ' + ukuran(h.berkas.size));
        });
        if (catatan.length) foto.files = dt.files;
        cek.textContent = catatan.length ? 'Foto diperkecil di ponsel sebelum dikirim: ' + catatan.join('; ') + '.'
          : 'Foto siap dikirim (' + hasil.length + ').';
      }, function (galat) { cek.textContent = galat + ' Pilih foto lain.'; foto.value = ''; });
    });
  }
})();
