
CREATE TABLE public._fluent_migrations (
    id uuid NOT NULL,
    name text NOT NULL,
    batch bigint NOT NULL,
    created_at timestamp with time zone,
    updated_at timestamp with time zone
);

CREATE TABLE public.hari_libur (
    tanggal text NOT NULL,
    jenis text NOT NULL,
    nama text NOT NULL
);

CREATE TABLE public.kategori (
    kode text NOT NULL,
    nama text NOT NULL,
    kode_opd text NOT NULL,
    sensitif boolean NOT NULL,
    pertanyaan text NOT NULL,
    aktif boolean NOT NULL
);

CREATE TABLE public.kegiatan (
    id uuid NOT NULL,
    kim_id uuid NOT NULL,
    jenis text NOT NULL,
    tanggal text NOT NULL,
    tempat text NOT NULL,
    uraian text NOT NULL,
    peserta bigint,
    dibuat_oleh uuid NOT NULL,
    dibuat_pada timestamp with time zone NOT NULL
);

CREATE TABLE public.kegiatan_foto (
    id uuid NOT NULL,
    kegiatan_id uuid NOT NULL,
    berkas text NOT NULL,
    tipe_mime text NOT NULL,
    ukuran bigint NOT NULL,
    sha256 text NOT NULL
);

CREATE TABLE public.kim (
    id uuid NOT NULL,
    nama text NOT NULL,
    tingkat text NOT NULL,
    kode_wilayah text NOT NULL,
    status text NOT NULL,
    alamat text,
    email text,
    telepon text,
    tanggal_pembentukan text,
    tempat_pembentukan text,
    jumlah_hadir bigint,
    fokus text[] NOT NULL,
    nomor_sk_desa text,
    tanggal_sk_desa text,
    nomor_sk_kecamatan text,
    tanggal_sk_kecamatan text,
    dibuat_pada timestamp with time zone NOT NULL,
    diubah_pada timestamp with time zone NOT NULL
);

CREATE TABLE public.kim_aktivitas_riwayat (
    id uuid NOT NULL,
    kim_id uuid NOT NULL,
    tanggal text NOT NULL,
    status text NOT NULL
);

CREATE TABLE public.kim_dokumen (
    id uuid NOT NULL,
    kim_id uuid NOT NULL,
    jenis text NOT NULL,
    nama_asli text NOT NULL,
    tipe_mime text NOT NULL,
    ukuran bigint NOT NULL,
    sha256 text NOT NULL,
    berkas text NOT NULL,
    diunggah_oleh uuid NOT NULL,
    waktu timestamp with time zone NOT NULL
);

CREATE TABLE public.kim_transisi (
    id uuid NOT NULL,
    kim_id uuid NOT NULL,
    aksi text NOT NULL,
    dari text NOT NULL,
    ke text NOT NULL,
    catatan text,
    nomor_sk text,
    tanggal_sk text,
    pengguna_id uuid NOT NULL,
    nama_pengguna text NOT NULL,
    peran text NOT NULL,
    waktu timestamp with time zone NOT NULL,
    tanggal text NOT NULL,
    urutan bigint NOT NULL
);

CREATE TABLE public.laporan (
    id uuid NOT NULL,
    nomor text NOT NULL,
    judul text NOT NULL,
    isi text NOT NULL,
    kode_kategori text NOT NULL,
    kode_wilayah text NOT NULL,
    kim_id uuid,
    pelapor_id uuid NOT NULL,
    nama_pelapor text NOT NULL,
    nama_kim text,
    lat double precision,
    lon double precision,
    alamat text,
    waktu_kejadian timestamp with time zone,
    sumber text NOT NULL,
    kerahasiaan text NOT NULL,
    jawaban text NOT NULL,
    status text NOT NULL,
    dipublikasikan boolean NOT NULL,
    konfirmasi_pertama uuid,
    hasil text,
    kunci_idempotensi text,
    dibuat_pada timestamp with time zone NOT NULL,
    diteruskan_pada timestamp with time zone,
    diubah_pada timestamp with time zone NOT NULL
);

CREATE TABLE public.laporan_foto (
    id uuid NOT NULL,
    laporan_id uuid NOT NULL,
    berkas text NOT NULL,
    tipe_mime text NOT NULL,
    ukuran bigint NOT NULL,
    sha256 text NOT NULL
);

CREATE TABLE public.laporan_lampiran (
    id uuid NOT NULL,
    laporan_id uuid NOT NULL,
    peristiwa_id uuid NOT NULL,
    nama_asli text NOT NULL,
    berkas text NOT NULL,
    tipe_mime text NOT NULL,
    ukuran bigint NOT NULL,
    sha256 text NOT NULL
);

CREATE TABLE public.laporan_nomor (
    tahun bigint NOT NULL,
    terakhir bigint NOT NULL
);

CREATE TABLE public.laporan_opd (
    id uuid NOT NULL,
    laporan_id uuid NOT NULL,
    kode_opd text NOT NULL,
    instruksi text NOT NULL,
    diteruskan_pada timestamp with time zone NOT NULL,
    ditanggapi_pada timestamp with time zone
);

CREATE TABLE public.laporan_peristiwa (
    id uuid NOT NULL,
    laporan_id uuid NOT NULL,
    urutan bigint NOT NULL,
    aksi text NOT NULL,
    dari text NOT NULL,
    ke text NOT NULL,
    catatan text,
    data text NOT NULL,
    pengguna_id uuid NOT NULL,
    nama_pengguna text NOT NULL,
    peran text NOT NULL,
    waktu timestamp with time zone NOT NULL,
    hash_sebelum text NOT NULL,
    hash text NOT NULL
);

CREATE TABLE public.materi (
    id uuid NOT NULL,
    judul text NOT NULL,
    ringkasan text NOT NULL,
    isi text NOT NULL,
    jenis text NOT NULL,
    sasaran text NOT NULL,
    batas_waktu text NOT NULL,
    dibuat_oleh uuid NOT NULL,
    dibuat_pada timestamp with time zone NOT NULL
);

CREATE TABLE public.materi_berkas (
    id uuid NOT NULL,
    materi_id uuid NOT NULL,
    penerima_id uuid,
    nama_asli text NOT NULL,
    berkas text NOT NULL,
    tipe_mime text NOT NULL,
    ukuran bigint NOT NULL,
    sha256 text NOT NULL
);

CREATE TABLE public.materi_penerima (
    id uuid NOT NULL,
    materi_id uuid NOT NULL,
    kim_id uuid NOT NULL,
    kode_wilayah text NOT NULL,
    status text NOT NULL,
    dibaca_pada timestamp with time zone,
    saluran text,
    tanggal text,
    jangkauan bigint,
    catatan text,
    dilaporkan_oleh uuid
);

CREATE TABLE public.notifikasi (
    id uuid NOT NULL,
    pengguna_id uuid NOT NULL,
    judul text NOT NULL,
    tautan text NOT NULL,
    dibaca boolean NOT NULL,
    dibuat_pada timestamp with time zone NOT NULL
);

CREATE TABLE public.opd (
    kode text NOT NULL,
    nama text NOT NULL,
    aktif boolean NOT NULL,
    diubah_pada timestamp with time zone NOT NULL
);

CREATE TABLE public.pembinaan (
    id uuid NOT NULL,
    kim_id uuid NOT NULL,
    jenis text NOT NULL,
    catatan text NOT NULL,
    oleh uuid NOT NULL,
    nama_oleh text NOT NULL,
    waktu timestamp with time zone NOT NULL
);

CREATE TABLE public.penanda (
    kunci text NOT NULL,
    waktu timestamp with time zone NOT NULL
);

CREATE TABLE public.pengaturan (
    kunci text NOT NULL,
    nilai text NOT NULL
);

CREATE TABLE public.pengguna (
    id uuid NOT NULL,
    username text NOT NULL,
    nama text NOT NULL,
    hash_kata_sandi text NOT NULL,
    peran text NOT NULL,
    kode_wilayah text,
    kode_opd text,
    aktif boolean NOT NULL,
    dibuat_pada timestamp with time zone NOT NULL,
    terakhir_masuk timestamp with time zone,
    kim_id uuid
);

CREATE TABLE public.pengurus (
    id uuid NOT NULL,
    kim_id uuid NOT NULL,
    nama text NOT NULL,
    jabatan text NOT NULL,
    keterangan text,
    jenis_kelamin text NOT NULL,
    nomor_hp text NOT NULL,
    email text,
    tahun_lahir bigint NOT NULL,
    masa_bakti_mulai text NOT NULL,
    masa_bakti_selesai text NOT NULL,
    pengguna_id uuid
);

CREATE TABLE public.percobaan_login (
    id uuid NOT NULL,
    username text NOT NULL,
    alamat_ip text NOT NULL,
    berhasil boolean NOT NULL,
    waktu timestamp with time zone NOT NULL
);

CREATE TABLE public.sesi (
    id text NOT NULL,
    data jsonb NOT NULL,
    kedaluwarsa_pada timestamp with time zone NOT NULL,
    pengguna_id text
);

CREATE TABLE public.token_api (
    id uuid NOT NULL,
    pengguna_id uuid NOT NULL,
    nama text NOT NULL,
    hash_token text NOT NULL,
    dibuat_pada timestamp with time zone NOT NULL,
    dicabut_pada timestamp with time zone
);

CREATE TABLE public.webhook_kiriman (
    id uuid NOT NULL,
    isi text NOT NULL,
    status text NOT NULL,
    percobaan bigint NOT NULL,
    berikutnya timestamp with time zone NOT NULL,
    galat text,
    dibuat_pada timestamp with time zone NOT NULL
);

CREATE TABLE public.wilayah (
    kode text NOT NULL,
    nama text NOT NULL,
    tingkat text NOT NULL,
    kode_induk text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL
);

INSERT INTO public._fluent_migrations VALUES ('95e0390b-4080-447b-82b4-b53edf0326bf', 'SIKIMServer.M001BuatWilayah', 1, '2026-12-02 19:58:49.69373+00', '2026-12-02 19:58:49.69373+00');
INSERT INTO public._fluent_migrations VALUES ('653bd32f-6a33-4329-bcf2-01c0f9989e51', 'SIKIMServer.M002BuatOPD', 1, '2026-12-02 19:58:49.698473+00', '2026-12-02 19:58:49.698473+00');
INSERT INTO public._fluent_migrations VALUES ('f59a57ab-533c-4109-9afc-c6cb366ea991', 'SIKIMServer.M003IsiOPDAwal', 1, '2026-12-02 19:58:49.707828+00', '2026-12-02 19:58:49.707828+00');
INSERT INTO public._fluent_migrations VALUES ('aa2634c8-1d30-4336-b74b-df802a70a507', 'SIKIMServer.M004BuatPengguna', 1, '2026-12-02 19:58:49.711253+00', '2026-12-02 19:58:49.711253+00');
INSERT INTO public._fluent_migrations VALUES ('1f22a507-6128-43a7-beb9-9e8a4da0880f', 'SIKIMServer.M005BuatTokenAPI', 1, '2026-12-02 19:58:49.713554+00', '2026-12-02 19:58:49.713554+00');
INSERT INTO public._fluent_migrations VALUES ('996fb634-4f1e-40bd-8024-211e091c8925', 'SIKIMServer.M006BuatPercobaanLogin', 1, '2026-12-02 19:58:49.717322+00', '2026-12-02 19:58:49.717322+00');
INSERT INTO public._fluent_migrations VALUES ('4a6911a8-d11d-40e6-9894-5cac2cf3c7c0', 'SIKIMServer.M007BuatSesi', 1, '2026-12-02 19:58:49.721657+00', '2026-12-02 19:58:49.721657+00');
INSERT INTO public._fluent_migrations VALUES ('803546c6-a6e9-4bd9-970b-a2c63501aeac', 'SIKIMServer.M008BuatKim', 1, '2026-12-02 19:58:49.725414+00', '2026-12-02 19:58:49.725414+00');
INSERT INTO public._fluent_migrations VALUES ('205feec5-a1bb-40fc-b17f-02c69e2b66ee', 'SIKIMServer.M009BuatPengurus', 1, '2026-12-02 19:58:49.736357+00', '2026-12-02 19:58:49.736357+00');
INSERT INTO public._fluent_migrations VALUES ('6941f9cb-b9dc-4bb6-81f4-7b11e8083078', 'SIKIMServer.M010BuatTransisiKim', 1, '2026-12-02 19:58:49.739309+00', '2026-12-02 19:58:49.739309+00');
INSERT INTO public._fluent_migrations VALUES ('e4ded534-dd05-4ab4-aefe-701a409763cf', 'SIKIMServer.M011BuatDokumenKim', 1, '2026-12-02 19:58:49.74143+00', '2026-12-02 19:58:49.74143+00');
INSERT INTO public._fluent_migrations VALUES ('365190a8-1110-4fd3-af53-5ea53e934644', 'SIKIMServer.M012PenggunaTerikatKim', 1, '2026-12-02 19:58:49.742752+00', '2026-12-02 19:58:49.742752+00');
INSERT INTO public._fluent_migrations VALUES ('42aec6fb-5986-4827-aeb6-88aa7e9890a6', 'SIKIMServer.M013BuatKategori', 1, '2026-12-02 19:58:49.744682+00', '2026-12-02 19:58:49.744682+00');
INSERT INTO public._fluent_migrations VALUES ('98fa6f21-0577-4f78-874d-d888086305dc', 'SIKIMServer.M014IsiKategoriAwal', 1, '2026-12-02 19:58:49.752393+00', '2026-12-02 19:58:49.752393+00');
INSERT INTO public._fluent_migrations VALUES ('758e9883-be21-4540-aff6-1a518b263e7d', 'SIKIMServer.M015BuatHariLibur', 1, '2026-12-02 19:58:49.754453+00', '2026-12-02 19:58:49.754453+00');
INSERT INTO public._fluent_migrations VALUES ('4e797ac5-cebb-42ad-af18-1645353600c7', 'SIKIMServer.M016IsiHariLibur', 1, '2026-12-02 19:58:49.766076+00', '2026-12-02 19:58:49.766076+00');
INSERT INTO public._fluent_migrations VALUES ('d0dd1943-2f5a-4b21-ae5b-b4e9e86cf589', 'SIKIMServer.M017BuatLaporan', 1, '2026-12-02 19:58:49.777274+00', '2026-12-02 19:58:49.777274+00');
INSERT INTO public._fluent_migrations VALUES ('ecafbef0-b20a-4a53-a594-f35f086063b1', 'SIKIMServer.M018BuatLampiranLaporan', 1, '2026-12-02 19:58:49.780167+00', '2026-12-02 19:58:49.780167+00');
INSERT INTO public._fluent_migrations VALUES ('d44b2fe6-bc8f-4a3e-a153-e143893ba6a8', 'SIKIMServer.M019BuatKegiatan', 1, '2026-12-02 19:58:49.787745+00', '2026-12-02 19:58:49.787745+00');
INSERT INTO public._fluent_migrations VALUES ('6e68ddb4-e712-4c0c-9961-c858ae0dfcee', 'SIKIMServer.M020BuatDiseminasi', 1, '2026-12-02 19:58:49.792682+00', '2026-12-02 19:58:49.792682+00');
INSERT INTO public._fluent_migrations VALUES ('ef06f5db-cd2f-4939-ae7b-762814206e19', 'SIKIMServer.M021BuatNotifikasi', 1, '2026-12-02 19:58:49.795438+00', '2026-12-02 19:58:49.795438+00');
INSERT INTO public._fluent_migrations VALUES ('47348811-8fca-4e81-971c-06de8d0eccc4', 'SIKIMServer.M022BuatWebhook', 1, '2026-12-02 19:58:49.798016+00', '2026-12-02 19:58:49.798016+00');
INSERT INTO public._fluent_migrations VALUES ('375752af-fb23-4979-8236-d75c62ef05a3', 'SIKIMServer.M023BuatPemeriksaBerkala', 1, '2026-12-02 19:58:49.801921+00', '2026-12-02 19:58:49.801921+00');
INSERT INTO public._fluent_migrations VALUES ('5db4b959-ff3d-4703-8d02-3e9d917d07a2', 'SIKIMServer.M024BuatBerkasMateri', 1, '2026-12-02 19:58:49.804279+00', '2026-12-02 19:58:49.804279+00');
INSERT INTO public._fluent_migrations VALUES ('a7555de3-7472-41ef-ba03-7ba59530123b', 'SIKIMServer.M025BuatPenomoranLaporan', 1, '2026-12-02 19:58:49.807383+00', '2026-12-02 19:58:49.807383+00');
INSERT INTO public._fluent_migrations VALUES ('42629d89-aae8-4e38-9ccb-ebf1679b7ee6', 'SIKIMServer.M026IndeksDaftarLaporan', 1, '2026-12-02 19:58:49.80868+00', '2026-12-02 19:58:49.80868+00');
INSERT INTO public._fluent_migrations VALUES ('b5ee2e5f-d1c0-44f9-a931-ae19948f989e', 'SIKIMServer.M027IndeksAktivitasKim', 1, '2026-12-02 19:58:49.810952+00', '2026-12-02 19:58:49.810952+00');
INSERT INTO public._fluent_migrations VALUES ('3faf7113-ab52-4d77-b6d9-7c431040e446', 'SIKIMServer.M028IndeksDaftarKim', 1, '2026-12-02 19:58:49.81262+00', '2026-12-02 19:58:49.81262+00');
INSERT INTO public._fluent_migrations VALUES ('31f5b521-702f-4e95-b4e6-13a9fe3e0784', 'SIKIMServer.M029IndeksStatistikLaporan', 1, '2026-12-02 19:58:49.814442+00', '2026-12-02 19:58:49.814442+00');
INSERT INTO public._fluent_migrations VALUES ('ff637416-2217-483a-867c-08f428b4ddad', 'SIKIMServer.M030HapusIndeksBerlebih', 1, '2026-12-02 19:58:49.816544+00', '2026-12-02 19:58:49.816544+00');
INSERT INTO public._fluent_migrations VALUES ('2d88aecf-8882-4b94-bbe8-4be9dc14204b', 'SIKIMServer.M031IndeksPengguna', 1, '2026-12-02 19:58:49.818075+00', '2026-12-02 19:58:49.818075+00');
INSERT INTO public._fluent_migrations VALUES ('d71b9211-b877-46b2-8178-8ae8f2b2a3ce', 'SIKIMServer.M032IndeksLaporanPublik', 1, '2026-12-02 19:58:49.81932+00', '2026-12-02 19:58:49.81932+00');

INSERT INTO public.hari_libur VALUES ('2020-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2020-01-25', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2020-03-22', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2020-03-25', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2020-04-10', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2020-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2020-05-07', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2020-05-21', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2020-05-24', 'libur_nasional', 'Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2020-05-25', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2020-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2020-07-31', 'libur_nasional', 'Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2020-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2020-08-20', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2020-08-21', 'cuti_bersama', 'Cuti Bersama Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2020-10-28', 'cuti_bersama', 'Cuti Bersama Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2020-10-29', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2020-10-30', 'cuti_bersama', 'Cuti Bersama Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2020-12-09', 'libur_nasional', 'Hari Pemilihan Kepala Daerah');
INSERT INTO public.hari_libur VALUES ('2020-12-24', 'cuti_bersama', 'Cuti Bersama Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2020-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2020-12-31', 'cuti_bersama', 'Pegangti Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2021-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2021-02-12', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2021-03-11', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2021-03-14', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2021-04-02', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2021-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2021-05-12', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2021-05-13', 'libur_nasional', 'Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2021-05-14', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2021-05-26', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2021-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2021-07-20', 'libur_nasional', 'Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2021-08-11', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2021-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2021-10-20', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2021-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2022-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2022-02-01', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2022-02-28', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2022-03-03', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2022-04-15', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2022-04-29', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2022-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2022-05-02', 'libur_nasional', 'Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2022-05-03', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2022-05-04', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2022-05-05', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2022-05-06', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2022-05-16', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2022-05-26', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2022-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2022-07-10', 'libur_nasional', 'Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2022-07-30', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2022-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2022-10-08', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2022-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2023-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2023-01-22', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2023-01-23', 'cuti_bersama', 'Cuti Bersama Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2023-02-18', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2023-03-22', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2023-03-23', 'cuti_bersama', 'Cuti Bersama Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2023-04-07', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2023-04-19', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2023-04-20', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2023-04-21', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2023-04-22', 'libur_nasional', 'Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2023-04-23', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2023-04-24', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2023-04-25', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2023-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2023-05-18', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2023-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2023-06-02', 'cuti_bersama', 'Cuti Bersama Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2023-06-04', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2023-06-28', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2023-06-29', 'libur_nasional', 'Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2023-06-30', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2023-07-19', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2023-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2023-09-28', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2023-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2023-12-26', 'cuti_bersama', 'Cuti Bersama Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2024-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2024-02-08', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2024-02-09', 'cuti_bersama', 'Cuti Bersama Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2024-02-10', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2024-02-14', 'libur_nasional', 'Hari Pemilihan Umum');
INSERT INTO public.hari_libur VALUES ('2024-03-11', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2024-03-12', 'cuti_bersama', 'Cuti Bersama Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2024-03-29', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2024-03-31', 'libur_nasional', 'Kebangkitan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2024-04-08', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2024-04-09', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2024-04-10', 'libur_nasional', 'Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2024-04-11', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2024-04-12', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2024-04-15', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2024-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2024-05-09', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2024-05-10', 'cuti_bersama', 'Cuti Bersama Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2024-05-23', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2024-05-24', 'cuti_bersama', 'Cuti Bersama Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2024-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2024-06-17', 'libur_nasional', 'Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2024-06-18', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2024-07-07', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2024-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2024-09-16', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2024-11-27', 'libur_nasional', 'Hari Pemilihan Kepala Daerah');
INSERT INTO public.hari_libur VALUES ('2024-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2024-12-26', 'cuti_bersama', 'Cuti Bersama Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2025-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2025-01-27', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2025-01-28', 'cuti_bersama', 'Cuti Bersama Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2025-01-29', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2025-03-28', 'cuti_bersama', 'Cuti Bersama Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2025-03-29', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2025-03-31', 'libur_nasional', 'Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2025-04-01', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2025-04-02', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2025-04-03', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2025-04-04', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2025-04-07', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2025-04-18', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2025-04-20', 'libur_nasional', 'Kebangkitan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2025-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2025-05-12', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2025-05-13', 'cuti_bersama', 'Cuti Bersama Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2025-05-29', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2025-05-30', 'cuti_bersama', 'Cuti Bersama Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2025-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2025-06-06', 'libur_nasional', 'Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2025-06-09', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2025-06-27', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2025-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2025-08-18', 'cuti_bersama', 'Cuti Bersama Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2025-09-05', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2025-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2025-12-26', 'cuti_bersama', 'Cuti Bersama Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2026-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2026-01-16', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2026-02-16', 'cuti_bersama', 'Cuti Bersama Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2026-02-17', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2026-03-18', 'cuti_bersama', 'Cuti Bersama Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2026-03-19', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2026-03-20', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2026-03-21', 'libur_nasional', 'Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2026-03-22', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2026-03-23', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2026-03-24', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2026-04-03', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2026-04-05', 'libur_nasional', 'Kebangkitan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2026-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2026-05-14', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2026-05-15', 'cuti_bersama', 'Cuti Bersama Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2026-05-27', 'libur_nasional', 'Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2026-05-28', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2026-05-31', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2026-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2026-06-16', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2026-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2026-08-25', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2026-12-24', 'cuti_bersama', 'Cuti Bersama Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2026-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2027-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2027-01-05', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2027-02-05', 'cuti_bersama', 'Cuti Bersama Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2027-02-06', 'libur_nasional', 'Tahun Baru Imlek');
INSERT INTO public.hari_libur VALUES ('2027-03-08', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2027-03-09', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2027-03-10', 'libur_nasional', 'Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2027-03-11', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2027-03-12', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2027-03-15', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Fitri');
INSERT INTO public.hari_libur VALUES ('2027-03-25', 'cuti_bersama', 'Cuti Bersama Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2027-03-26', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2027-03-28', 'libur_nasional', 'Kebangkitan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2027-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2027-05-06', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2027-05-17', 'libur_nasional', 'Hari Raya Idul Adha (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2027-05-18', 'cuti_bersama', 'Cuti Bersama Hari Raya Idul Adha');
INSERT INTO public.hari_libur VALUES ('2027-05-19', 'cuti_bersama', 'Cuti Bersama Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2027-05-20', 'libur_nasional', 'Hari Raya Waisak');
INSERT INTO public.hari_libur VALUES ('2027-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2027-06-06', 'libur_nasional', 'Tahun Baru Islam');
INSERT INTO public.hari_libur VALUES ('2027-08-15', 'libur_nasional', 'Maulid Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2027-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2027-12-24', 'cuti_bersama', 'Cuti Bersama Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2027-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2027-12-26', 'libur_nasional', 'Isra Mikraj Nabi Muhammad');
INSERT INTO public.hari_libur VALUES ('2028-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2028-01-26', 'libur_nasional', 'Tahun Baru Imlek (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-02-27', 'libur_nasional', 'Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-02-28', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-03-26', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2028-04-14', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2028-04-16', 'libur_nasional', 'Kebangkitan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2028-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2028-05-05', 'libur_nasional', 'Hari Raya Idul Adha (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-05-09', 'libur_nasional', 'Hari Raya Waisak (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-05-25', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2028-05-26', 'libur_nasional', 'Tahun Baru Islam (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2028-08-04', 'libur_nasional', 'Maulid Nabi Muhammad (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2028-12-14', 'libur_nasional', 'Isra Mikraj Nabi Muhammad (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2028-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2029-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2029-02-13', 'libur_nasional', 'Tahun Baru Imlek (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-02-15', 'libur_nasional', 'Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-02-16', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-03-15', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2029-03-30', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2029-04-01', 'libur_nasional', 'Kebangkitan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2029-04-25', 'libur_nasional', 'Hari Raya Idul Adha (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2029-05-10', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2029-05-15', 'libur_nasional', 'Tahun Baru Islam (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-05-27', 'libur_nasional', 'Hari Raya Waisak (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2029-07-24', 'libur_nasional', 'Maulid Nabi Muhammad (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2029-12-04', 'libur_nasional', 'Isra Mikraj Nabi Muhammad (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2029-12-25', 'libur_nasional', 'Hari Raya Natal');
INSERT INTO public.hari_libur VALUES ('2030-01-01', 'libur_nasional', 'Tahun Baru Masehi');
INSERT INTO public.hari_libur VALUES ('2030-02-03', 'libur_nasional', 'Tahun Baru Imlek (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-02-04', 'libur_nasional', 'Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-02-05', 'libur_nasional', 'Hari kedua dari Hari Raya Idul Fitri (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-03-05', 'libur_nasional', 'Hari Suci Nyepi');
INSERT INTO public.hari_libur VALUES ('2030-04-14', 'libur_nasional', 'Hari Raya Idul Adha (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-04-19', 'libur_nasional', 'Wafat Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2030-04-21', 'libur_nasional', 'Kebangkitan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2030-05-01', 'libur_nasional', 'Hari Buruh Internasional');
INSERT INTO public.hari_libur VALUES ('2030-05-04', 'libur_nasional', 'Tahun Baru Islam (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-05-16', 'libur_nasional', 'Hari Raya Waisak (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-05-30', 'libur_nasional', 'Kenaikan Yesus Kristus');
INSERT INTO public.hari_libur VALUES ('2030-06-01', 'libur_nasional', 'Hari Lahir Pancasila');
INSERT INTO public.hari_libur VALUES ('2030-07-13', 'libur_nasional', 'Maulid Nabi Muhammad (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia');
INSERT INTO public.hari_libur VALUES ('2030-11-23', 'libur_nasional', 'Isra Mikraj Nabi Muhammad (perkiraan)');
INSERT INTO public.hari_libur VALUES ('2030-12-25', 'libur_nasional', 'Hari Raya Natal');

INSERT INTO public.kategori VALUES ('pariwisata', 'Pariwisata', 'dispar', false, '[{"kode":"nama_lokasi","jenis":"teks","wajib":false,"pilihan":[],"label":"Nama objek atau lokasi wisata"},{"kode":"jenis_informasi","jenis":"pilihan_tunggal","wajib":false,"pilihan":["Potensi wisata baru","Acara \/ festival","Kerusakan fasilitas","Lainnya"],"label":"Jenis informasi"}]', true);
INSERT INTO public.kategori VALUES ('permasalahan_desa', 'Permasalahan Desa', 'dpmd', false, '[]', true);
INSERT INTO public.kategori VALUES ('perizinan', 'Perizinan / Usaha Tanpa Izin', 'dpmptsp', true, '[{"kode":"nama_usaha","label":"Nama usaha atau perusahaan","pilihan":[],"wajib":true,"jenis":"teks"},{"kode":"jenis_usaha","label":"Jenis usaha","pilihan":["Industri","Perdagangan","Jasa","Pertambangan \/ galian","Lainnya"],"wajib":false,"jenis":"pilihan_tunggal"},{"kode":"izin_diduga_tidak_ada","label":"Izin yang diduga tidak ada","pilihan":["NIB","PBG \/ IMB","Persetujuan lingkungan","Lainnya"],"wajib":false,"jenis":"pilihan_ganda"}]', true);
INSERT INTO public.kategori VALUES ('infrastruktur', 'Infrastruktur', 'dpupr', false, '[]', true);
INSERT INTO public.kategori VALUES ('bencana', 'Bencana', 'bpbd', false, '[{"wajib":false,"kode":"jenis_bencana","label":"Jenis bencana","jenis":"pilihan_tunggal","pilihan":["Banjir","Tanah longsor","Angin puting beliung","Kebakaran","Gempa","Abrasi","Lainnya"]},{"wajib":false,"kode":"jumlah_terdampak","label":"Perkiraan warga terdampak","jenis":"angka","pilihan":[]}]', true);
INSERT INTO public.kategori VALUES ('lingkungan', 'Lingkungan', 'dlh', false, '[]', true);
INSERT INTO public.kategori VALUES ('sosial', 'Sosial Kemasyarakatan', 'dinsos', false, '[]', true);
INSERT INTO public.kategori VALUES ('kesehatan', 'Kesehatan', 'dinkes', false, '[]', true);
INSERT INTO public.kategori VALUES ('pendidikan', 'Pendidikan', 'dindik', false, '[]', true);
INSERT INTO public.kategori VALUES ('ekonomi_umkm', 'Ekonomi & UMKM', 'diskominfosatik', false, '[]', true);
INSERT INTO public.kategori VALUES ('lainnya', 'Lainnya', 'diskominfosatik', false, '[]', true);

INSERT INTO public.kegiatan VALUES ('59172763-9a63-4df5-87db-eae69f509286', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'rapat_pengurus', '2024-05-20', 'Balai', 'Rapat', 9, '35429bf0-487f-4b32-bc52-ab1c219a185e', '2026-12-02 19:58:51.422065+00');

INSERT INTO public.kim VALUES ('53e29187-c78a-411c-84d5-7b40d25ee79f', 'KIM Desa Kramatwatu', 'desa', '36.04.05.2001', 'aktif', NULL, NULL, NULL, '2024-05-16', 'Balai desa', 20, '{}', '141/1', '2024-05-17', '141/2', '2024-05-18', '2026-12-02 19:58:51.352267+00', '2026-12-02 19:58:51.372+00');
INSERT INTO public.kim VALUES ('5de14a35-496b-4a4f-95a4-74dab1be272f', 'KIM Kecamatan Kramatwatu', 'kecamatan', '36.04.05', 'draf', NULL, NULL, NULL, NULL, NULL, NULL, '{}', NULL, NULL, NULL, NULL, '2026-12-02 19:58:51.376683+00', '2026-12-02 19:58:51.376683+00');

INSERT INTO public.kim_transisi VALUES ('217d0e48-c418-4932-8c79-d7d0f5beee77', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'ajukan', 'draf', 'diajukan', 'uji', NULL, NULL, '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', 'admin', '2026-12-02 19:58:51.36109+00', '2026-12-03', 0);
INSERT INTO public.kim_transisi VALUES ('2236b5f0-dfc1-463e-a7cb-fe5f0082e32a', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'sahkan_desa', 'diajukan', 'disahkan_desa', 'uji', '141/1', '2024-05-17', '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', 'admin', '2026-12-02 19:58:51.367039+00', '2026-12-03', 1);
INSERT INTO public.kim_transisi VALUES ('41c74f3e-08b4-4761-b61c-7f0a60f6c669', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'sahkan_kecamatan', 'disahkan_desa', 'disahkan_kecamatan', 'uji', '141/2', '2024-05-18', '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', 'admin', '2026-12-02 19:58:51.372+00', '2026-12-03', 2);
INSERT INTO public.kim_transisi VALUES ('7031b8fa-d0e1-4a7a-ae8e-82c733343085', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'sahkan_kecamatan', 'disahkan_kecamatan', 'aktif', 'uji', NULL, NULL, '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', 'admin', '2026-12-02 19:58:51.372+00', '2026-12-03', 3);

INSERT INTO public.laporan VALUES ('d82a6d90-5465-4ee2-93ec-9a2b1fff5604', 'LAP-2026-000001', 'Sampah 0', 'Di sungai', 'lingkungan', '36.04.05.2001', NULL, '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', NULL, -6.06, 106.12, 'Jl. Melati', NULL, 'pengamatan_langsung', 'biasa', '{}', 'masuk', false, NULL, NULL, NULL, '2026-12-02 19:58:51.381418+00', NULL, '2026-12-02 19:58:51.381418+00');
INSERT INTO public.laporan VALUES ('9fcd76d8-7dad-458e-995a-e9113dce1767', 'LAP-2026-000002', 'Sampah 1', 'Di sungai', 'lingkungan', '36.04.05.2001', NULL, '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', NULL, -6.06, 106.12, 'Jl. Melati', NULL, 'pengamatan_langsung', 'biasa', '{}', 'valid', false, NULL, NULL, NULL, '2026-12-02 19:58:51.390088+00', NULL, '2026-12-02 19:58:51.397748+00');
INSERT INTO public.laporan VALUES ('9e24b69e-88c7-44a2-8c5a-f498fca0ecd8', 'LAP-2026-000003', 'Sampah 2', 'Di sungai', 'lingkungan', '36.04.05.2001', NULL, '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', NULL, -6.06, 106.12, 'Jl. Melati', NULL, 'pengamatan_langsung', 'biasa', '{}', 'diteruskan', false, NULL, NULL, NULL, '2026-12-02 19:58:51.402297+00', '2026-12-02 19:58:51.414652+00', '2026-12-02 19:58:51.414652+00');

INSERT INTO public.laporan_nomor VALUES (2026, 3);

INSERT INTO public.laporan_opd VALUES ('56ae61fd-2d74-4a9f-ad4f-f509ab658251', '9e24b69e-88c7-44a2-8c5a-f498fca0ecd8', 'dlh', 'tolong', '2026-12-02 19:58:51.414652+00', NULL);

INSERT INTO public.laporan_peristiwa VALUES ('75ef9059-8f43-4b08-98ff-7d0ffb43e005', 'd82a6d90-5465-4ee2-93ec-9a2b1fff5604', 1, 'dibuat', '', 'masuk', NULL, '{}', '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', 'admin', '2026-12-02 19:58:51.385+00', '0000000000000000000000000000000000000000000000000000000000000000', '5e8aa56bf71d69fa83aedfbe5845c87ca3a4355aa9436e8f6a0fecc575ee5229');
INSERT INTO public.laporan_peristiwa VALUES ('1f449954-1833-4309-821a-0d263dbed80a', '9fcd76d8-7dad-458e-995a-e9113dce1767', 1, 'dibuat', '', 'masuk', NULL, '{}', '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', 'admin', '2026-12-02 19:58:51.391+00', '0000000000000000000000000000000000000000000000000000000000000000', '868827fb740a050b4353c176ebfb8b3cca1cd16cb83c8f6c38235b2d72f7f78b');
INSERT INTO public.laporan_peristiwa VALUES ('e3471382-6bc4-4f6b-9634-a0f02b9725dd', '9fcd76d8-7dad-458e-995a-e9113dce1767', 2, 'konfirmasi', 'masuk', 'valid', 'dicek', '{"metode":"cek_lapangan"}', '8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'verif', 'verifikator', '2026-12-02 19:58:51.398999+00', '868827fb740a050b4353c176ebfb8b3cca1cd16cb83c8f6c38235b2d72f7f78b', 'a3a6fdb7f318a6d4d6634aba47ee240f75a2db27791f4b93224d903d975589dc');
INSERT INTO public.laporan_peristiwa VALUES ('6c02bc1c-433a-41f0-b0c0-c6f1f212fee1', '9e24b69e-88c7-44a2-8c5a-f498fca0ecd8', 1, 'dibuat', '', 'masuk', NULL, '{}', '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Administrator Kabupaten', 'admin', '2026-12-02 19:58:51.403+00', '0000000000000000000000000000000000000000000000000000000000000000', '56fc35b32984711d52131b14585a43a7ad058ca38d89130f433c810ff258b495');
INSERT INTO public.laporan_peristiwa VALUES ('264cb81d-757f-4928-bc77-2a156b822dea', '9e24b69e-88c7-44a2-8c5a-f498fca0ecd8', 2, 'konfirmasi', 'masuk', 'valid', 'dicek', '{"metode":"cek_lapangan"}', '8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'verif', 'verifikator', '2026-12-02 19:58:51.408999+00', '56fc35b32984711d52131b14585a43a7ad058ca38d89130f433c810ff258b495', 'cbfd5ecfae78560af0e79e10af500501bd976770745ad5cc4d505425403a2f58');
INSERT INTO public.laporan_peristiwa VALUES ('503adaec-affb-4c6a-8202-6057ce9f849f', '9e24b69e-88c7-44a2-8c5a-f498fca0ecd8', 3, 'teruskan', 'valid', 'diteruskan', 'tolong', '{"opd":"dlh"}', '8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'verif', 'verifikator', '2026-12-02 19:58:51.418+00', 'cbfd5ecfae78560af0e79e10af500501bd976770745ad5cc4d505425403a2f58', '2182b251cbc17994581d4e858fb0d7fdd4336a96c42ca73c289c0d4dcaf92e76');

INSERT INTO public.materi VALUES ('e39c7ec5-911d-46cf-9c00-be216735aeeb', 'Materi uji', 'Ringkas', 'Isi materi', 'program_pemerintah', 'semua', '2030-01-01', '35429bf0-487f-4b32-bc52-ab1c219a185e', '2026-12-02 19:58:51.426294+00');

INSERT INTO public.materi_penerima VALUES ('d164089c-3c29-450e-922f-a07fa998a744', 'e39c7ec5-911d-46cf-9c00-be216735aeeb', '53e29187-c78a-411c-84d5-7b40d25ee79f', '36.04.05.2001', 'terkirim', NULL, NULL, NULL, NULL, NULL, NULL);

INSERT INTO public.notifikasi VALUES ('21654456-3b7b-4757-804c-e195fe03532a', '8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'Laporan baru LAP-2026-000001 menunggu verifikasi.', '/laporan/D82A6D90-5465-4EE2-93EC-9A2B1FFF5604', false, '2026-12-02 19:58:51.386117+00');
INSERT INTO public.notifikasi VALUES ('4161ebfc-679f-423b-9d76-2f21064b5e34', '8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'Laporan baru LAP-2026-000002 menunggu verifikasi.', '/laporan/9FCD76D8-7DAD-458E-995A-E9113DCE1767', false, '2026-12-02 19:58:51.391262+00');
INSERT INTO public.notifikasi VALUES ('09190d4a-26ec-4d85-8c2a-4353f252d395', '8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'Laporan baru LAP-2026-000003 menunggu verifikasi.', '/laporan/9E24B69E-88C7-44A2-8C5A-F498FCA0ECD8', false, '2026-12-02 19:58:51.403437+00');

INSERT INTO public.opd VALUES ('diskominfosatik', 'Dinas Komunikasi, Informatika, Sandi dan Statistik (Diskominfosatik)', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dispar', 'Dinas Pariwisata', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dpupr', 'Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('satpolpp', 'Satuan Polisi Pamong Praja (Satpol PP)', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dlh', 'Dinas Lingkungan Hidup', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dinkes', 'Dinas Kesehatan', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dindik', 'Dinas Pendidikan', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dinsos', 'Dinas Sosial', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('bpbd', 'Badan Penanggulangan Bencana Daerah (BPBD)', true, '2026-12-02 19:58:49.699239+00');
INSERT INTO public.opd VALUES ('dpmd', 'Dinas Pemberdayaan Masyarakat dan Desa (DPMD)', true, '2026-12-02 19:58:49.699239+00');

INSERT INTO public.pengguna VALUES ('35429bf0-487f-4b32-bc52-ab1c219a185e', 'admin', 'Administrator Kabupaten', '$2b$12$nWlnq.LucaYCAM.sJxf4i.1qIA3AyqPyqUGE1hkusEtBUoy/aa3XS', 'admin', NULL, NULL, true, '2026-12-02 19:58:50.596925+00', '2026-12-02 19:58:50.900592+00', NULL);
INSERT INTO public.pengguna VALUES ('8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'verif', 'verif', '$2b$12$9QZwUxc/OqTwWFCFNN8M8O2c13kXAH6r37scyqmjnQtoCJ3cV3AuW', 'verifikator', NULL, NULL, true, '2026-12-02 19:58:50.226743+00', '2026-12-02 19:58:51.127606+00', NULL);

INSERT INTO public.pengurus VALUES ('66c6bc24-b807-42ea-95d3-0d99759dec63', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'Ahmad Fauzi', 'ketua', NULL, 'L', '+6281234567890', NULL, 1980, '2024-05-16', '2027-05-16', NULL);
INSERT INTO public.pengurus VALUES ('ee99d000-0be3-4798-b78c-99212b7899ae', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'Siti Rohmah', 'sekretaris', NULL, 'P', '+6281311112222', NULL, 1990, '2024-05-16', '2027-05-16', NULL);
INSERT INTO public.pengurus VALUES ('79d5d565-a40b-487a-a1fb-4e8badc49b3e', '53e29187-c78a-411c-84d5-7b40d25ee79f', 'Dedi Supriadi', 'bendahara', NULL, 'L', '+6285733334444', NULL, 1985, '2024-05-16', '2027-05-16', NULL);

INSERT INTO public.percobaan_login VALUES ('6d0091fb-559a-423a-8da1-da8cb2b53a9a', 'admin', '127.0.0.1', true, '2026-12-02 19:58:50.900592+00');
INSERT INTO public.percobaan_login VALUES ('84f69114-aca3-4be2-b4e6-06d5a1bb29ce', 'verif', '127.0.0.1', true, '2026-12-02 19:58:51.127606+00');

INSERT INTO public.token_api VALUES ('d8f4e607-aaae-46a7-9307-a50f80579e95', '35429bf0-487f-4b32-bc52-ab1c219a185e', 'Login API', 'b19b00d8600a5bef1859671d446c623be6608674f18560b9a26f1ff51c7b56e7', '2026-12-02 19:58:51.123893+00', NULL);
INSERT INTO public.token_api VALUES ('caba9e1d-40a8-4a11-a538-337dfe9b2313', '8b6dded5-adac-40a4-9b2a-dabdb58cd66a', 'Login API', '923285f3b184455c39c50e7f2fad8dc227959e3d2c5c92b3072d10c7ae3d47d5', '2026-12-02 19:58:51.344615+00', NULL);

INSERT INTO public.wilayah VALUES ('36.04', 'Kabupaten Serang', 'kabupaten', '36', -6.141738, 106.146076);
INSERT INTO public.wilayah VALUES ('36.04.05', 'Kramatwatu', 'kecamatan', '36.04', -6.0401, 106.112759);
INSERT INTO public.wilayah VALUES ('36.04.05.2001', 'Kramatwatu', 'desa', '36.04.05', -6.065263, 106.119018);
INSERT INTO public.wilayah VALUES ('36.04.05.2002', 'Margasana', 'desa', '36.04.05', -6.0642, 106.13578);
INSERT INTO public.wilayah VALUES ('36.04.05.2003', 'Pejaten', 'desa', '36.04.05', -6.050391, 106.111207);
INSERT INTO public.wilayah VALUES ('36.04.05.2004', 'Toyomerto', 'desa', '36.04.05', -6.036013, 106.106122);
INSERT INTO public.wilayah VALUES ('36.04.05.2005', 'Harjatani', 'desa', '36.04.05', -6.045437, 106.071585);
INSERT INTO public.wilayah VALUES ('36.04.05.2006', 'Serdang', 'desa', '36.04.05', -6.031259, 106.089352);
INSERT INTO public.wilayah VALUES ('36.04.05.2007', 'Terate', 'desa', '36.04.05', -6.003566, 106.099098);
INSERT INTO public.wilayah VALUES ('36.04.05.2008', 'Tonjong', 'desa', '36.04.05', -6.024227, 106.122981);
INSERT INTO public.wilayah VALUES ('36.04.05.2009', 'Pamengkang', 'desa', '36.04.05', -6.033322, 106.140223);
INSERT INTO public.wilayah VALUES ('36.04.05.2010', 'Pegadingan', 'desa', '36.04.05', -6.050637, 106.128248);
INSERT INTO public.wilayah VALUES ('36.04.05.2011', 'Lebakwana', 'desa', '36.04.05', -6.076449, 106.103621);
INSERT INTO public.wilayah VALUES ('36.04.05.2012', 'Wanayasa', 'desa', '36.04.05', -6.044121, 106.09623);
INSERT INTO public.wilayah VALUES ('36.04.05.2013', 'Pelamunan', 'desa', '36.04.05', -6.074419, 106.122357);
INSERT INTO public.wilayah VALUES ('36.04.05.2014', 'Teluk Terate', 'desa', '36.04.05', -6.016159, 106.107005);
INSERT INTO public.wilayah VALUES ('36.04.05.2015', 'Margatani', 'desa', '36.04.05', -6.048761, 106.078044);
INSERT INTO public.wilayah VALUES ('36.04.06', 'Waringinkurung', 'kecamatan', '36.04', -6.090136, 106.069546);
INSERT INTO public.wilayah VALUES ('36.04.06.2001', 'Waringinkurung', 'desa', '36.04.06', -6.059729, 106.065181);
INSERT INTO public.wilayah VALUES ('36.04.06.2002', 'Talaga Luhur', 'desa', '36.04.06', -6.104623, 106.086867);
INSERT INTO public.wilayah VALUES ('36.04.06.2003', 'Binangun', 'desa', '36.04.06', -6.098669, 106.067967);
INSERT INTO public.wilayah VALUES ('36.04.06.2004', 'Melati', 'desa', '36.04.06', -6.085202, 106.054661);
INSERT INTO public.wilayah VALUES ('36.04.06.2005', 'Sasahan', 'desa', '36.04.06', -6.114673, 106.049178);
INSERT INTO public.wilayah VALUES ('36.04.06.2006', 'Sukadalem', 'desa', '36.04.06', -6.060168, 106.088315);
INSERT INTO public.wilayah VALUES ('36.04.06.2007', 'Sukabares', 'desa', '36.04.06', -6.077462, 106.080368);
INSERT INTO public.wilayah VALUES ('36.04.06.2008', 'Sambilawang', 'desa', '36.04.06', -6.077133, 106.06518);
INSERT INTO public.wilayah VALUES ('36.04.06.2009', 'Sampir', 'desa', '36.04.06', -6.085718, 106.042113);
INSERT INTO public.wilayah VALUES ('36.04.06.2010', 'Cokopsulanjana', 'desa', '36.04.06', -6.122311, 106.066062);
INSERT INTO public.wilayah VALUES ('36.04.06.2011', 'Kemuning', 'desa', '36.04.06', -6.089173, 106.088588);
INSERT INTO public.wilayah VALUES ('36.04.07', 'Bojonegara', 'kecamatan', '36.04', -5.962357, 106.074639);
INSERT INTO public.wilayah VALUES ('36.04.07.2001', 'Bojonegara', 'desa', '36.04.07', -5.977088, 106.096968);
INSERT INTO public.wilayah VALUES ('36.04.07.2002', 'Mangkunegara', 'desa', '36.04.07', -5.988606, 106.079739);
INSERT INTO public.wilayah VALUES ('36.04.07.2003', 'Wanakarta', 'desa', '36.04.07', -5.980967, 106.066495);
INSERT INTO public.wilayah VALUES ('36.04.07.2004', 'Karang Kepuh', 'desa', '36.04.07', -5.97888, 106.081686);
INSERT INTO public.wilayah VALUES ('36.04.07.2005', 'Lambangsari', 'desa', '36.04.07', -5.970336, 106.066983);
INSERT INTO public.wilayah VALUES ('36.04.07.2006', 'Kertasana', 'desa', '36.04.07', -5.995958, 106.078111);
INSERT INTO public.wilayah VALUES ('36.04.07.2007', 'Margagiri', 'desa', '36.04.07', -5.958527, 106.099634);
INSERT INTO public.wilayah VALUES ('36.04.07.2008', 'Ukirsari', 'desa', '36.04.07', -5.959474, 106.080771);
INSERT INTO public.wilayah VALUES ('36.04.07.2009', 'Pakuncen', 'desa', '36.04.07', -5.938875, 106.047454);
INSERT INTO public.wilayah VALUES ('36.04.07.2010', 'Pangarengan', 'desa', '36.04.07', -5.951894, 106.057601);
INSERT INTO public.wilayah VALUES ('36.04.07.2011', 'Mekar Jaya', 'desa', '36.04.07', -5.936654, 106.060714);
INSERT INTO public.wilayah VALUES ('36.04.08', 'Pulo Ampel', 'kecamatan', '36.04', -5.918357, 106.08553);
INSERT INTO public.wilayah VALUES ('36.04.08.2001', 'Pulo Ampel', 'desa', '36.04.08', -5.914439, 106.084278);
INSERT INTO public.wilayah VALUES ('36.04.08.2002', 'Sumuranja', 'desa', '36.04.08', -5.908413, 106.074719);
INSERT INTO public.wilayah VALUES ('36.04.08.2003', 'Mangunreja', 'desa', '36.04.08', -5.893344, 106.068173);
INSERT INTO public.wilayah VALUES ('36.04.08.2004', 'Kedungsoka', 'desa', '36.04.08', -5.916138, 106.055829);
INSERT INTO public.wilayah VALUES ('36.04.08.2005', 'Salira', 'desa', '36.04.08', -5.893868, 106.047085);
INSERT INTO public.wilayah VALUES ('36.04.08.2006', 'Argawana', 'desa', '36.04.08', -5.942127, 106.096521);
INSERT INTO public.wilayah VALUES ('36.04.08.2007', 'Banyuwangi', 'desa', '36.04.08', -5.934218, 106.078676);
INSERT INTO public.wilayah VALUES ('36.04.08.2008', 'Margasari', 'desa', '36.04.08', -5.92535, 106.096852);
INSERT INTO public.wilayah VALUES ('36.04.08.2009', 'Pulo Panjang', 'desa', '36.04.08', -5.931352, 106.152602);
INSERT INTO public.wilayah VALUES ('36.04.09', 'Ciruas', 'kecamatan', '36.04', -6.100551, 106.243311);
INSERT INTO public.wilayah VALUES ('36.04.09.2001', 'Ciruas', 'desa', '36.04.09', -6.106503, 106.231698);
INSERT INTO public.wilayah VALUES ('36.04.09.2002', 'Citerep', 'desa', '36.04.09', -6.126026, 106.236163);
INSERT INTO public.wilayah VALUES ('36.04.09.2003', 'Pulo', 'desa', '36.04.09', -6.108267, 106.263986);
INSERT INTO public.wilayah VALUES ('36.04.09.2004', 'Kadikaran', 'desa', '36.04.09', -6.106598, 106.241117);
INSERT INTO public.wilayah VALUES ('36.04.09.2005', 'Kepandean', 'desa', '36.04.09', -6.094979, 106.235814);
INSERT INTO public.wilayah VALUES ('36.04.09.2006', 'Gosara', 'desa', '36.04.09', -6.09437, 106.244436);
INSERT INTO public.wilayah VALUES ('36.04.09.2009', 'Bumijaya', 'desa', '36.04.09', -6.083128, 106.248857);
INSERT INTO public.wilayah VALUES ('36.04.09.2010', 'Penggalang', 'desa', '36.04.09', -6.075154, 106.239914);
INSERT INTO public.wilayah VALUES ('36.04.09.2011', 'Pamong', 'desa', '36.04.09', -6.083647, 106.228322);
INSERT INTO public.wilayah VALUES ('36.04.09.2012', 'Cigelam', 'desa', '36.04.09', -6.06122, 106.226379);
INSERT INTO public.wilayah VALUES ('36.04.09.2013', 'Singamerta', 'desa', '36.04.09', -6.117626, 106.24501);
INSERT INTO public.wilayah VALUES ('36.04.09.2014', 'Ranjeng', 'desa', '36.04.09', -6.117579, 106.230293);
INSERT INTO public.wilayah VALUES ('36.04.09.2015', 'Beberan', 'desa', '36.04.09', -6.120981, 106.259834);
INSERT INTO public.wilayah VALUES ('36.04.09.2016', 'Kaserangan', 'desa', '36.04.09', -6.133262, 106.253121);
INSERT INTO public.wilayah VALUES ('36.04.09.2017', 'Pelawad', 'desa', '36.04.09', -6.12442, 106.22524);
INSERT INTO public.wilayah VALUES ('36.04.11', 'Kragilan', 'kecamatan', '36.04', -6.151336, 106.273321);
INSERT INTO public.wilayah VALUES ('36.04.11.2001', 'Kragilan', 'desa', '36.04.11', -6.134365, 106.289476);
INSERT INTO public.wilayah VALUES ('36.04.11.2002', 'Silebu', 'desa', '36.04.11', -6.175094, 106.239439);
INSERT INTO public.wilayah VALUES ('36.04.11.2003', 'Pematang', 'desa', '36.04.11', -6.166272, 106.26267);
INSERT INTO public.wilayah VALUES ('36.04.11.2004', 'Dukuh', 'desa', '36.04.11', -6.165202, 106.292403);
INSERT INTO public.wilayah VALUES ('36.04.11.2005', 'Undar Andir', 'desa', '36.04.11', -6.149753, 106.298456);
INSERT INTO public.wilayah VALUES ('36.04.11.2006', 'Sukajadi', 'desa', '36.04.11', -6.181303, 106.243791);
INSERT INTO public.wilayah VALUES ('36.04.11.2007', 'Sentul', 'desa', '36.04.11', -6.140517, 106.271297);
INSERT INTO public.wilayah VALUES ('36.04.11.2008', 'Jeruk Tipis', 'desa', '36.04.11', -6.116765, 106.276764);
INSERT INTO public.wilayah VALUES ('36.04.11.2011', 'Kendayakan', 'desa', '36.04.11', -6.151247, 106.279837);
INSERT INTO public.wilayah VALUES ('36.04.11.2012', 'Tegalmaja', 'desa', '36.04.11', -6.121057, 106.288461);
INSERT INTO public.wilayah VALUES ('36.04.11.2013', 'Cisait', 'desa', '36.04.11', -6.149872, 106.259693);
INSERT INTO public.wilayah VALUES ('36.04.11.2014', 'Kramatjati', 'desa', '36.04.11', -6.16554, 106.276302);
INSERT INTO public.wilayah VALUES ('36.04.12', 'Pontang', 'kecamatan', '36.04', -6.023828, 106.257682);
INSERT INTO public.wilayah VALUES ('36.04.12.2001', 'Pontang', 'desa', '36.04.12', -6.012277, 106.280888);
INSERT INTO public.wilayah VALUES ('36.04.12.2002', 'Sukanegara', 'desa', '36.04.12', -6.062159, 106.254317);
INSERT INTO public.wilayah VALUES ('36.04.12.2003', 'Linduk', 'desa', '36.04.12', -6.029605, 106.252863);
INSERT INTO public.wilayah VALUES ('36.04.12.2004', 'Pulokencana', 'desa', '36.04.12', -6.045546, 106.279047);
INSERT INTO public.wilayah VALUES ('36.04.12.2006', 'Kelapian', 'desa', '36.04.12', -6.036523, 106.304394);
INSERT INTO public.wilayah VALUES ('36.04.12.2008', 'Kubang Puji', 'desa', '36.04.12', -6.020205, 106.269196);
INSERT INTO public.wilayah VALUES ('36.04.12.2009', 'Domas', 'desa', '36.04.12', -5.979435, 106.252793);
INSERT INTO public.wilayah VALUES ('36.04.12.2010', 'Singarajan', 'desa', '36.04.12', -6.024815, 106.28066);
INSERT INTO public.wilayah VALUES ('36.04.12.2011', 'Kaserangan', 'desa', '36.04.12', -6.032801, 106.290407);
INSERT INTO public.wilayah VALUES ('36.04.12.2012', 'Wanayasa', 'desa', '36.04.12', -6.000971, 106.252906);
INSERT INTO public.wilayah VALUES ('36.04.12.2013', 'Sukajaya', 'desa', '36.04.12', -6.037523, 106.235744);
INSERT INTO public.wilayah VALUES ('36.04.13', 'Tirtayasa', 'kecamatan', '36.04', -5.987634, 106.311438);
INSERT INTO public.wilayah VALUES ('36.04.13.2001', 'Tirtayasa', 'desa', '36.04.13', -6.017007, 106.329273);
INSERT INTO public.wilayah VALUES ('36.04.13.2002', 'Samparwadi', 'desa', '36.04.13', -6.018351, 106.311183);
INSERT INTO public.wilayah VALUES ('36.04.13.2003', 'Kemanisan', 'desa', '36.04.13', -6.015684, 106.300665);
INSERT INTO public.wilayah VALUES ('36.04.13.2004', 'Pontang Legon', 'desa', '36.04.13', -6.012376, 106.291426);
INSERT INTO public.wilayah VALUES ('36.04.13.2005', 'Kebon', 'desa', '36.04.13', -5.996909, 106.299258);
INSERT INTO public.wilayah VALUES ('36.04.13.2006', 'Sujung', 'desa', '36.04.13', -5.999728, 106.323814);
INSERT INTO public.wilayah VALUES ('36.04.13.2007', 'Lontar', 'desa', '36.04.13', -5.974255, 106.296721);
INSERT INTO public.wilayah VALUES ('36.04.13.2008', 'Susukan', 'desa', '36.04.13', -5.983791, 106.27423);
INSERT INTO public.wilayah VALUES ('36.04.13.2009', 'Wargasara', 'desa', '36.04.13', -5.811651, 106.277671);
INSERT INTO public.wilayah VALUES ('36.04.13.2010', 'Laban', 'desa', '36.04.13', -6.016917, 106.340552);
INSERT INTO public.wilayah VALUES ('36.04.13.2011', 'Tengkurak', 'desa', '36.04.13', -5.984376, 106.350001);
INSERT INTO public.wilayah VALUES ('36.04.13.2012', 'Alang-Alang', 'desa', '36.04.13', -5.98401, 106.296378);
INSERT INTO public.wilayah VALUES ('36.04.13.2013', 'Kebuyutan', 'desa', '36.04.13', -6.019703, 106.303448);
INSERT INTO public.wilayah VALUES ('36.04.13.2014', 'Puser', 'desa', '36.04.13', -6.031897, 106.319491);
INSERT INTO public.wilayah VALUES ('36.04.14', 'Tanara', 'kecamatan', '36.04', -6.017934, 106.365164);
INSERT INTO public.wilayah VALUES ('36.04.14.2001', 'Tanara', 'desa', '36.04.14', -6.019763, 106.381963);
INSERT INTO public.wilayah VALUES ('36.04.14.2002', 'Cerukcuk', 'desa', '36.04.14', -6.027303, 106.341714);
INSERT INTO public.wilayah VALUES ('36.04.14.2003', 'Tenjoayu', 'desa', '36.04.14', -5.996004, 106.37268);
INSERT INTO public.wilayah VALUES ('36.04.14.2004', 'Sukamanah', 'desa', '36.04.14', -6.034345, 106.361371);
INSERT INTO public.wilayah VALUES ('36.04.14.2005', 'Lempuyang', 'desa', '36.04.14', -6.040125, 106.347156);
INSERT INTO public.wilayah VALUES ('36.04.14.2006', 'Siremen', 'desa', '36.04.14', -6.051849, 106.327853);
INSERT INTO public.wilayah VALUES ('36.04.14.2007', 'Bendung', 'desa', '36.04.14', -6.054575, 106.34807);
INSERT INTO public.wilayah VALUES ('36.04.14.2008', 'Pedaleman', 'desa', '36.04.14', -6.023117, 106.39667);
INSERT INTO public.wilayah VALUES ('36.04.14.2009', 'Cibodas', 'desa', '36.04.14', -6.041567, 106.327737);
INSERT INTO public.wilayah VALUES ('36.04.15', 'Cikande', 'kecamatan', '36.04', -6.191619, 106.353556);
INSERT INTO public.wilayah VALUES ('36.04.15.2001', 'Cikande', 'desa', '36.04.15', -6.221767, 106.357692);
INSERT INTO public.wilayah VALUES ('36.04.15.2002', 'Leuwi Limus', 'desa', '36.04.15', -6.203766, 106.34335);
INSERT INTO public.wilayah VALUES ('36.04.15.2003', 'Nambo Udik', 'desa', '36.04.15', -6.213533, 106.320827);
INSERT INTO public.wilayah VALUES ('36.04.15.2004', 'Parigi', 'desa', '36.04.15', -6.196016, 106.36142);
INSERT INTO public.wilayah VALUES ('36.04.15.2005', 'Koper', 'desa', '36.04.15', -6.165, 106.386042);
INSERT INTO public.wilayah VALUES ('36.04.15.2006', 'Bakung', 'desa', '36.04.15', -6.176255, 106.361359);
INSERT INTO public.wilayah VALUES ('36.04.15.2007', 'Julang', 'desa', '36.04.15', -6.173945, 106.347276);
INSERT INTO public.wilayah VALUES ('36.04.15.2008', 'Sukatani', 'desa', '36.04.15', -6.199713, 106.323754);
INSERT INTO public.wilayah VALUES ('36.04.15.2009', 'Situterate', 'desa', '36.04.15', -6.216219, 106.340687);
INSERT INTO public.wilayah VALUES ('36.04.15.2010', 'Kamurang', 'desa', '36.04.15', -6.162806, 106.373383);
INSERT INTO public.wilayah VALUES ('36.04.15.2011', 'Gembor Udik', 'desa', '36.04.15', -6.158181, 106.355377);
INSERT INTO public.wilayah VALUES ('36.04.15.2012', 'Songgom Jaya', 'desa', '36.04.15', -6.181686, 106.374923);
INSERT INTO public.wilayah VALUES ('36.04.15.2013', 'Cikande Permai', 'desa', '36.04.15', -6.22055, 106.347078);
INSERT INTO public.wilayah VALUES ('36.04.16', 'Kibin', 'kecamatan', '36.04', -6.16136, 106.316013);
INSERT INTO public.wilayah VALUES ('36.04.16.2001', 'Kibin', 'desa', '36.04.16', -6.155319, 106.328416);
INSERT INTO public.wilayah VALUES ('36.04.16.2002', 'Ketos', 'desa', '36.04.16', -6.131409, 106.314116);
INSERT INTO public.wilayah VALUES ('36.04.16.2003', 'Cijeruk', 'desa', '36.04.16', -6.16835, 106.309924);
INSERT INTO public.wilayah VALUES ('36.04.16.2004', 'Nagara', 'desa', '36.04.16', -6.18141, 106.293763);
INSERT INTO public.wilayah VALUES ('36.04.16.2005', 'Nambo Ilir', 'desa', '36.04.16', -6.181415, 106.331713);
INSERT INTO public.wilayah VALUES ('36.04.16.2006', 'Barengkok', 'desa', '36.04.16', -6.186059, 106.318598);
INSERT INTO public.wilayah VALUES ('36.04.16.2007', 'Sukamaju', 'desa', '36.04.16', -6.126279, 106.304787);
INSERT INTO public.wilayah VALUES ('36.04.16.2008', 'Tambak', 'desa', '36.04.16', -6.16155, 106.318728);
INSERT INTO public.wilayah VALUES ('36.04.16.2009', 'Ciagel', 'desa', '36.04.16', -6.144842, 106.313612);
INSERT INTO public.wilayah VALUES ('36.04.17', 'Carenang', 'kecamatan', '36.04', -6.087667, 106.321778);
INSERT INTO public.wilayah VALUES ('36.04.17.2001', 'Carenang', 'desa', '36.04.17', -6.069106, 106.334574);
INSERT INTO public.wilayah VALUES ('36.04.17.2002', 'Pamanuk', 'desa', '36.04.17', -6.084132, 106.330961);
INSERT INTO public.wilayah VALUES ('36.04.17.2003', 'Mandaya', 'desa', '36.04.17', -6.107004, 106.318301);
INSERT INTO public.wilayah VALUES ('36.04.17.2004', 'Teras', 'desa', '36.04.17', -6.1051, 106.302408);
INSERT INTO public.wilayah VALUES ('36.04.17.2006', 'Ragas Masigit', 'desa', '36.04.17', -6.069452, 106.317012);
INSERT INTO public.wilayah VALUES ('36.04.17.2007', 'Walikukun', 'desa', '36.04.17', -6.087512, 106.306343);
INSERT INTO public.wilayah VALUES ('36.04.17.2009', 'Panenjoan', 'desa', '36.04.17', -6.09185, 106.321885);
INSERT INTO public.wilayah VALUES ('36.04.17.2010', 'Mekarsari', 'desa', '36.04.17', -6.096757, 106.34394);
INSERT INTO public.wilayah VALUES ('36.04.18', 'Binuang', 'kecamatan', '36.04', -6.132083, 106.349043);
INSERT INTO public.wilayah VALUES ('36.04.18.2001', 'Binuang', 'desa', '36.04.18', -6.112824, 106.340736);
INSERT INTO public.wilayah VALUES ('36.04.18.2002', 'Cakung', 'desa', '36.04.18', -6.122038, 106.356078);
INSERT INTO public.wilayah VALUES ('36.04.18.2003', 'Renged', 'desa', '36.04.18', -6.143968, 106.376844);
INSERT INTO public.wilayah VALUES ('36.04.18.2004', 'Gembor', 'desa', '36.04.18', -6.146349, 106.353048);
INSERT INTO public.wilayah VALUES ('36.04.18.2005', 'Warakas', 'desa', '36.04.18', -6.124032, 106.330794);
INSERT INTO public.wilayah VALUES ('36.04.18.2006', 'Sukamampir', 'desa', '36.04.18', -6.110486, 106.329199);
INSERT INTO public.wilayah VALUES ('36.04.18.2007', 'Lamaran', 'desa', '36.04.18', -6.135167, 106.342423);
INSERT INTO public.wilayah VALUES ('36.04.19', 'Petir', 'kecamatan', '36.04', -6.242005, 106.198678);
INSERT INTO public.wilayah VALUES ('36.04.19.2001', 'Petir', 'desa', '36.04.19', -6.22422, 106.202231);
INSERT INTO public.wilayah VALUES ('36.04.19.2002', 'Cirangkong', 'desa', '36.04.19', -6.239813, 106.246436);
INSERT INTO public.wilayah VALUES ('36.04.19.2003', 'Tambiluk', 'desa', '36.04.19', -6.240167, 106.227105);
INSERT INTO public.wilayah VALUES ('36.04.19.2004', 'Sindangsari', 'desa', '36.04.19', -6.250356, 106.204905);
INSERT INTO public.wilayah VALUES ('36.04.19.2005', 'Padasuka', 'desa', '36.04.19', -6.260858, 106.183348);
INSERT INTO public.wilayah VALUES ('36.04.19.2006', 'Seuat', 'desa', '36.04.19', -6.238019, 106.162668);
INSERT INTO public.wilayah VALUES ('36.04.19.2007', 'Nagara Padang', 'desa', '36.04.19', -6.225214, 106.179743);
INSERT INTO public.wilayah VALUES ('36.04.19.2008', 'Kadugenep', 'desa', '36.04.19', -6.26778, 106.196163);
INSERT INTO public.wilayah VALUES ('36.04.19.2009', 'Cireundeu', 'desa', '36.04.19', -6.254363, 106.227923);
INSERT INTO public.wilayah VALUES ('36.04.19.2010', 'Sanding', 'desa', '36.04.19', -6.238743, 106.193909);
INSERT INTO public.wilayah VALUES ('36.04.19.2011', 'Kampung Baru', 'desa', '36.04.19', -6.222242, 106.161323);
INSERT INTO public.wilayah VALUES ('36.04.19.2012', 'Mekar Baru', 'desa', '36.04.19', -6.231427, 106.214223);
INSERT INTO public.wilayah VALUES ('36.04.19.2013', 'Seuat Jaya', 'desa', '36.04.19', -6.247474, 106.164209);
INSERT INTO public.wilayah VALUES ('36.04.19.2014', 'Kubang Jaya', 'desa', '36.04.19', -6.262011, 106.204855);
INSERT INTO public.wilayah VALUES ('36.04.19.2015', 'Bojong Nangka', 'desa', '36.04.19', -6.245271, 106.183099);
INSERT INTO public.wilayah VALUES ('36.04.20', 'Tunjung Teja', 'kecamatan', '36.04', -6.281259, 106.232101);
INSERT INTO public.wilayah VALUES ('36.04.20.2001', 'Tunjung Teja', 'desa', '36.04.20', -6.276052, 106.230819);
INSERT INTO public.wilayah VALUES ('36.04.20.2002', 'Sukasari', 'desa', '36.04.20', -6.286513, 106.201142);
INSERT INTO public.wilayah VALUES ('36.04.20.2003', 'Panunggulan', 'desa', '36.04.20', -6.279443, 106.188609);
INSERT INTO public.wilayah VALUES ('36.04.20.2004', 'Malanggah', 'desa', '36.04.20', -6.262144, 106.239497);
INSERT INTO public.wilayah VALUES ('36.04.20.2005', 'Kemuning', 'desa', '36.04.20', -6.283092, 106.249957);
INSERT INTO public.wilayah VALUES ('36.04.20.2006', 'Bojong Menteng', 'desa', '36.04.20', -6.298081, 106.230915);
INSERT INTO public.wilayah VALUES ('36.04.20.2007', 'Bojong Catang', 'desa', '36.04.20', -6.268602, 106.262952);
INSERT INTO public.wilayah VALUES ('36.04.20.2008', 'Bojong Pandan', 'desa', '36.04.20', -6.295406, 106.263965);
INSERT INTO public.wilayah VALUES ('36.04.20.2009', 'Pancaregang', 'desa', '36.04.20', -6.283433, 106.227688);
INSERT INTO public.wilayah VALUES ('36.04.22', 'Baros', 'kecamatan', '36.04', -6.22627, 106.120831);
INSERT INTO public.wilayah VALUES ('36.04.22.2001', 'Baros', 'desa', '36.04.22', -6.211311, 106.129174);
INSERT INTO public.wilayah VALUES ('36.04.22.2002', 'Tejamari', 'desa', '36.04.22', -6.23764, 106.140349);
INSERT INTO public.wilayah VALUES ('36.04.22.2003', 'Panyirapan', 'desa', '36.04.22', -6.23437, 106.124962);
INSERT INTO public.wilayah VALUES ('36.04.22.2004', 'Sidamukti', 'desa', '36.04.22', -6.213346, 106.148328);
INSERT INTO public.wilayah VALUES ('36.04.22.2005', 'Sukacai', 'desa', '36.04.22', -6.241573, 106.112844);
INSERT INTO public.wilayah VALUES ('36.04.22.2006', 'Tamansari', 'desa', '36.04.22', -6.22988, 106.10632);
INSERT INTO public.wilayah VALUES ('36.04.22.2007', 'Sindangmandi', 'desa', '36.04.22', -6.222288, 106.088235);
INSERT INTO public.wilayah VALUES ('36.04.22.2008', 'Cisalam', 'desa', '36.04.22', -6.208968, 106.104642);
INSERT INTO public.wilayah VALUES ('36.04.22.2009', 'Sukamanah', 'desa', '36.04.22', -6.22339, 106.125526);
INSERT INTO public.wilayah VALUES ('36.04.22.2010', 'Sukamenak', 'desa', '36.04.22', -6.249185, 106.139058);
INSERT INTO public.wilayah VALUES ('36.04.22.2011', 'Curug Agung', 'desa', '36.04.22', -6.217452, 106.112026);
INSERT INTO public.wilayah VALUES ('36.04.22.2012', 'Padasuka', 'desa', '36.04.22', -6.224749, 106.140203);
INSERT INTO public.wilayah VALUES ('36.04.22.2013', 'Sinarmukti', 'desa', '36.04.22', -6.225919, 106.149886);
INSERT INTO public.wilayah VALUES ('36.04.22.2014', 'Suka Indah', 'desa', '36.04.22', -6.247459, 106.123097);
INSERT INTO public.wilayah VALUES ('36.04.23', 'Cikeusal', 'kecamatan', '36.04', -6.21379, 106.254047);
INSERT INTO public.wilayah VALUES ('36.04.23.2001', 'Cikeusal', 'desa', '36.04.23', -6.219302, 106.261093);
INSERT INTO public.wilayah VALUES ('36.04.23.2002', 'Dahu', 'desa', '36.04.23', -6.243651, 106.261122);
INSERT INTO public.wilayah VALUES ('36.04.23.2003', 'Katulisan', 'desa', '36.04.23', -6.234581, 106.286252);
INSERT INTO public.wilayah VALUES ('36.04.23.2004', 'Sukamaju', 'desa', '36.04.23', -6.210762, 106.253154);
INSERT INTO public.wilayah VALUES ('36.04.23.2005', 'Cilayang', 'desa', '36.04.23', -6.202539, 106.239924);
INSERT INTO public.wilayah VALUES ('36.04.23.2006', 'Sukamenak', 'desa', '36.04.23', -6.212843, 106.211816);
INSERT INTO public.wilayah VALUES ('36.04.23.2007', 'Cimaung', 'desa', '36.04.23', -6.204026, 106.206615);
INSERT INTO public.wilayah VALUES ('36.04.23.2008', 'Panyabrangan', 'desa', '36.04.23', -6.25496, 106.276941);
INSERT INTO public.wilayah VALUES ('36.04.23.2009', 'Gandayasa', 'desa', '36.04.23', -6.185132, 106.276912);
INSERT INTO public.wilayah VALUES ('36.04.23.2010', 'Bantar Panjang', 'desa', '36.04.23', -6.23106, 106.270804);
INSERT INTO public.wilayah VALUES ('36.04.23.2011', 'Sukaratu', 'desa', '36.04.23', -6.224449, 106.244777);
INSERT INTO public.wilayah VALUES ('36.04.23.2012', 'Harundang', 'desa', '36.04.23', -6.2031, 106.272059);
INSERT INTO public.wilayah VALUES ('36.04.23.2013', 'Sukarame', 'desa', '36.04.23', -6.196991, 106.231732);
INSERT INTO public.wilayah VALUES ('36.04.23.2014', 'Panosogan', 'desa', '36.04.23', -6.211817, 106.281054);
INSERT INTO public.wilayah VALUES ('36.04.23.2015', 'Mongpok', 'desa', '36.04.23', -6.184316, 106.259494);
INSERT INTO public.wilayah VALUES ('36.04.23.2016', 'Sukaraja', 'desa', '36.04.23', -6.219753, 106.229522);
INSERT INTO public.wilayah VALUES ('36.04.23.2017', 'Cilayang Guha', 'desa', '36.04.23', -6.199007, 106.258491);
INSERT INTO public.wilayah VALUES ('36.04.24', 'Pamarayan', 'kecamatan', '36.04', -6.27734, 106.302069);
INSERT INTO public.wilayah VALUES ('36.04.24.2001', 'Pamarayan', 'desa', '36.04.24', -6.268783, 106.289404);
INSERT INTO public.wilayah VALUES ('36.04.24.2002', 'Damping', 'desa', '36.04.24', -6.284044, 106.288419);
INSERT INTO public.wilayah VALUES ('36.04.24.2003', 'Wirana', 'desa', '36.04.24', -6.299958, 106.287666);
INSERT INTO public.wilayah VALUES ('36.04.24.2004', 'Keboncau', 'desa', '36.04.24', -6.303927, 106.308535);
INSERT INTO public.wilayah VALUES ('36.04.24.2005', 'Pudar', 'desa', '36.04.24', -6.285474, 106.310622);
INSERT INTO public.wilayah VALUES ('36.04.24.2006', 'Binong', 'desa', '36.04.24', -6.260757, 106.300667);
INSERT INTO public.wilayah VALUES ('36.04.24.2007', 'Sangiang', 'desa', '36.04.24', -6.279287, 106.274134);
INSERT INTO public.wilayah VALUES ('36.04.24.2008', 'Kampungbaru', 'desa', '36.04.24', -6.245784, 106.290842);
INSERT INTO public.wilayah VALUES ('36.04.24.2010', 'Pasirlimus', 'desa', '36.04.24', -6.26245, 106.325439);
INSERT INTO public.wilayah VALUES ('36.04.24.2018', 'Pasir Kembang', 'desa', '36.04.24', -6.272473, 106.312749);
INSERT INTO public.wilayah VALUES ('36.04.25', 'Kopo', 'kecamatan', '36.04', -6.285697, 106.376698);
INSERT INTO public.wilayah VALUES ('36.04.25.2001', 'Kopo', 'desa', '36.04.25', -6.326053, 106.376686);
INSERT INTO public.wilayah VALUES ('36.04.25.2002', 'Garut', 'desa', '36.04.25', -6.304522, 106.377393);
INSERT INTO public.wilayah VALUES ('36.04.25.2003', 'Nanggung', 'desa', '36.04.25', -6.312115, 106.362199);
INSERT INTO public.wilayah VALUES ('36.04.25.2004', 'Cidahu', 'desa', '36.04.25', -6.282922, 106.379569);
INSERT INTO public.wilayah VALUES ('36.04.25.2005', 'Nyompok', 'desa', '36.04.25', -6.264437, 106.379998);
INSERT INTO public.wilayah VALUES ('36.04.25.2006', 'Gabus', 'desa', '36.04.25', -6.234354, 106.369578);
INSERT INTO public.wilayah VALUES ('36.04.25.2007', 'Carenang Udik', 'desa', '36.04.25', -6.236479, 106.381086);
INSERT INTO public.wilayah VALUES ('36.04.25.2008', 'Rancasumur', 'desa', '36.04.25', -6.299967, 106.39044);
INSERT INTO public.wilayah VALUES ('36.04.25.2009', 'Babakanjaya', 'desa', '36.04.25', -6.244836, 106.36972);
INSERT INTO public.wilayah VALUES ('36.04.25.2010', 'Mekarbaru', 'desa', '36.04.25', -6.321347, 106.392196);
INSERT INTO public.wilayah VALUES ('36.04.26', 'Jawilan', 'kecamatan', '36.04', -6.288582, 106.343962);
INSERT INTO public.wilayah VALUES ('36.04.26.2001', 'Jawilan', 'desa', '36.04.26', -6.285949, 106.340604);
INSERT INTO public.wilayah VALUES ('36.04.26.2002', 'Bojot', 'desa', '36.04.26', -6.303159, 106.343533);
INSERT INTO public.wilayah VALUES ('36.04.26.2003', 'Cemplang', 'desa', '36.04.26', -6.323827, 106.341102);
INSERT INTO public.wilayah VALUES ('36.04.26.2004', 'Pagintungan', 'desa', '36.04.26', -6.310522, 106.322738);
INSERT INTO public.wilayah VALUES ('36.04.26.2005', 'Pasirbuyut', 'desa', '36.04.26', -6.28733, 106.360338);
INSERT INTO public.wilayah VALUES ('36.04.26.2006', 'Majasari', 'desa', '36.04.26', -6.270964, 106.351122);
INSERT INTO public.wilayah VALUES ('36.04.26.2007', 'Parakan', 'desa', '36.04.26', -6.262762, 106.364212);
INSERT INTO public.wilayah VALUES ('36.04.26.2008', 'Kareo', 'desa', '36.04.26', -6.246386, 106.355811);
INSERT INTO public.wilayah VALUES ('36.04.26.2009', 'Junti', 'desa', '36.04.26', -6.247792, 106.34209);
INSERT INTO public.wilayah VALUES ('36.04.27', 'Ciomas', 'kecamatan', '36.04', -6.244474, 106.029249);
INSERT INTO public.wilayah VALUES ('36.04.27.2001', 'Ujungtebu', 'desa', '36.04.27', -6.263524, 106.002139);
INSERT INTO public.wilayah VALUES ('36.04.27.2002', 'Siketug', 'desa', '36.04.27', -6.240619, 105.995151);
INSERT INTO public.wilayah VALUES ('36.04.27.2003', 'Lebak', 'desa', '36.04.27', -6.237243, 106.017012);
INSERT INTO public.wilayah VALUES ('36.04.27.2004', 'Pondok Kahuru', 'desa', '36.04.27', -6.223822, 106.024791);
INSERT INTO public.wilayah VALUES ('36.04.27.2005', 'Sukabares', 'desa', '36.04.27', -6.222546, 106.039306);
INSERT INTO public.wilayah VALUES ('36.04.27.2006', 'Sukarena', 'desa', '36.04.27', -6.243422, 106.055125);
INSERT INTO public.wilayah VALUES ('36.04.27.2007', 'Sukadana', 'desa', '36.04.27', -6.210872, 106.03936);
INSERT INTO public.wilayah VALUES ('36.04.27.2008', 'Cemplang', 'desa', '36.04.27', -6.246638, 106.070306);
INSERT INTO public.wilayah VALUES ('36.04.27.2009', 'Cisitu', 'desa', '36.04.27', -6.256998, 106.019604);
INSERT INTO public.wilayah VALUES ('36.04.27.2010', 'Citaman', 'desa', '36.04.27', -6.246373, 106.030673);
INSERT INTO public.wilayah VALUES ('36.04.27.2011', 'Panyaungan Jaya', 'desa', '36.04.27', -6.243522, 106.0425);
INSERT INTO public.wilayah VALUES ('36.04.28', 'Pabuaran', 'kecamatan', '36.04', -6.195921, 106.091973);
INSERT INTO public.wilayah VALUES ('36.04.28.2001', 'Pabuaran', 'desa', '36.04.28', -6.197311, 106.081832);
INSERT INTO public.wilayah VALUES ('36.04.28.2006', 'Kadubeureum', 'desa', '36.04.28', -6.200743, 106.052707);
INSERT INTO public.wilayah VALUES ('36.04.28.2007', 'Tanjungsari', 'desa', '36.04.28', -6.220998, 106.070434);
INSERT INTO public.wilayah VALUES ('36.04.28.2009', 'Pancanegara', 'desa', '36.04.28', -6.187288, 106.095835);
INSERT INTO public.wilayah VALUES ('36.04.28.2010', 'Sindangsari', 'desa', '36.04.28', -6.190924, 106.129357);
INSERT INTO public.wilayah VALUES ('36.04.28.2012', 'Sindangheula', 'desa', '36.04.28', -6.181331, 106.122317);
INSERT INTO public.wilayah VALUES ('36.04.28.2013', 'Pasanggrahan', 'desa', '36.04.28', -6.201507, 106.069797);
INSERT INTO public.wilayah VALUES ('36.04.28.2015', 'Talaga Warna', 'desa', '36.04.28', -6.21878, 106.054859);
INSERT INTO public.wilayah VALUES ('36.04.29', 'Padarincang', 'kecamatan', '36.04', -6.208264, 105.969758);
INSERT INTO public.wilayah VALUES ('36.04.29.2001', 'Padarincang', 'desa', '36.04.29', -6.223517, 105.951805);
INSERT INTO public.wilayah VALUES ('36.04.29.2002', 'Bugel', 'desa', '36.04.29', -6.198272, 105.941465);
INSERT INTO public.wilayah VALUES ('36.04.29.2003', 'Cibojong', 'desa', '36.04.29', -6.243757, 105.919614);
INSERT INTO public.wilayah VALUES ('36.04.29.2004', 'Citasuk', 'desa', '36.04.29', -6.201336, 105.968016);
INSERT INTO public.wilayah VALUES ('36.04.29.2005', 'Cisaat', 'desa', '36.04.29', -6.21386, 106.010823);
INSERT INTO public.wilayah VALUES ('36.04.29.2006', 'Ciomas', 'desa', '36.04.29', -6.206836, 106.027615);
INSERT INTO public.wilayah VALUES ('36.04.29.2007', 'Barugbug', 'desa', '36.04.29', -6.178724, 106.01311);
INSERT INTO public.wilayah VALUES ('36.04.29.2008', 'Batu Kuwung', 'desa', '36.04.29', -6.198631, 105.984946);
INSERT INTO public.wilayah VALUES ('36.04.29.2009', 'Kramatlaban', 'desa', '36.04.29', -6.209351, 105.926209);
INSERT INTO public.wilayah VALUES ('36.04.29.2010', 'Kalumpang', 'desa', '36.04.29', -6.191148, 105.95498);
INSERT INTO public.wilayah VALUES ('36.04.29.2011', 'Kadubeureum', 'desa', '36.04.29', -6.236888, 105.935009);
INSERT INTO public.wilayah VALUES ('36.04.29.2012', 'Cipayung', 'desa', '36.04.29', -6.193644, 106.005802);
INSERT INTO public.wilayah VALUES ('36.04.29.2013', 'Curug Goong', 'desa', '36.04.29', -6.21058, 105.9986);
INSERT INTO public.wilayah VALUES ('36.04.29.2014', 'Kadu Kempong', 'desa', '36.04.29', -6.238329, 105.962184);
INSERT INTO public.wilayah VALUES ('36.04.30', 'Anyar', 'kecamatan', '36.04', -6.073774, 105.913596);
INSERT INTO public.wilayah VALUES ('36.04.30.2001', 'Anyar', 'desa', '36.04.30', -6.055519, 105.919673);
INSERT INTO public.wilayah VALUES ('36.04.30.2002', 'Sindang Mandi', 'desa', '36.04.30', -6.11328, 105.935573);
INSERT INTO public.wilayah VALUES ('36.04.30.2003', 'Cikoneng', 'desa', '36.04.30', -6.073528, 105.89578);
INSERT INTO public.wilayah VALUES ('36.04.30.2004', 'Tanjung Manis', 'desa', '36.04.30', -6.077115, 105.914677);
INSERT INTO public.wilayah VALUES ('36.04.30.2005', 'Bandulu', 'desa', '36.04.30', -6.107592, 105.8965);
INSERT INTO public.wilayah VALUES ('36.04.30.2006', 'Bunihara', 'desa', '36.04.30', -6.078019, 105.933264);
INSERT INTO public.wilayah VALUES ('36.04.30.2007', 'Kosambironyok', 'desa', '36.04.30', -6.057969, 105.946899);
INSERT INTO public.wilayah VALUES ('36.04.30.2008', 'Banjarsari', 'desa', '36.04.30', -6.087296, 105.947322);
INSERT INTO public.wilayah VALUES ('36.04.30.2009', 'Mekarsari', 'desa', '36.04.30', -6.065105, 105.917598);
INSERT INTO public.wilayah VALUES ('36.04.30.2010', 'Sindangkarya', 'desa', '36.04.30', -6.105262, 105.914663);
INSERT INTO public.wilayah VALUES ('36.04.30.2011', 'Tambang Ayam', 'desa', '36.04.30', -6.093678, 105.891175);
INSERT INTO public.wilayah VALUES ('36.04.30.2012', 'Grogol Indah', 'desa', '36.04.30', -6.065195, 105.93921);
INSERT INTO public.wilayah VALUES ('36.04.31', 'Cinangka', 'kecamatan', '36.04', -6.179522, 105.886955);
INSERT INTO public.wilayah VALUES ('36.04.31.2001', 'Cinangka', 'desa', '36.04.31', -6.16631, 105.877524);
INSERT INTO public.wilayah VALUES ('36.04.31.2002', 'Bantarwaru', 'desa', '36.04.31', -6.203531, 105.887589);
INSERT INTO public.wilayah VALUES ('36.04.31.2003', 'Pasauran', 'desa', '36.04.31', -6.219046, 105.844612);
INSERT INTO public.wilayah VALUES ('36.04.31.2004', 'Bulakan', 'desa', '36.04.31', -6.200326, 105.846177);
INSERT INTO public.wilayah VALUES ('36.04.31.2005', 'Karang Suraga', 'desa', '36.04.31', -6.168974, 105.859181);
INSERT INTO public.wilayah VALUES ('36.04.31.2006', 'Umbul Tanjung', 'desa', '36.04.31', -6.231391, 105.855712);
INSERT INTO public.wilayah VALUES ('36.04.31.2007', 'Kubang Baros', 'desa', '36.04.31', -6.174423, 105.894843);
INSERT INTO public.wilayah VALUES ('36.04.31.2008', 'Rancasanggal', 'desa', '36.04.31', -6.192444, 105.922406);
INSERT INTO public.wilayah VALUES ('36.04.31.2009', 'Cikolelet', 'desa', '36.04.31', -6.157594, 105.923877);
INSERT INTO public.wilayah VALUES ('36.04.31.2010', 'Sindanglaya', 'desa', '36.04.31', -6.132107, 105.874783);
INSERT INTO public.wilayah VALUES ('36.04.31.2011', 'Kamasan', 'desa', '36.04.31', -6.122869, 105.893863);
INSERT INTO public.wilayah VALUES ('36.04.31.2012', 'Bantarwangi', 'desa', '36.04.31', -6.21771, 105.880009);
INSERT INTO public.wilayah VALUES ('36.04.31.2013', 'Mekarsari', 'desa', '36.04.31', -6.138257, 105.910539);
INSERT INTO public.wilayah VALUES ('36.04.31.2014', 'Baros Jaya', 'desa', '36.04.31', -6.156595, 105.892584);
INSERT INTO public.wilayah VALUES ('36.04.32', 'Mancak', 'kecamatan', '36.04', -6.103996, 105.985645);
INSERT INTO public.wilayah VALUES ('36.04.32.2001', 'Mancak', 'desa', '36.04.32', -6.080168, 105.987291);
INSERT INTO public.wilayah VALUES ('36.04.32.2002', 'Ciwarna', 'desa', '36.04.32', -6.126129, 105.969162);
INSERT INTO public.wilayah VALUES ('36.04.32.2003', 'Angsana', 'desa', '36.04.32', -6.110221, 106.003155);
INSERT INTO public.wilayah VALUES ('36.04.32.2004', 'Talaga', 'desa', '36.04.32', -6.099481, 106.03068);
INSERT INTO public.wilayah VALUES ('36.04.32.2005', 'Cikedung', 'desa', '36.04.32', -6.154407, 105.966021);
INSERT INTO public.wilayah VALUES ('36.04.32.2006', 'Sigedong', 'desa', '36.04.32', -6.062062, 106.016132);
INSERT INTO public.wilayah VALUES ('36.04.32.2007', 'Sangiang', 'desa', '36.04.32', -6.10311, 105.982147);
INSERT INTO public.wilayah VALUES ('36.04.32.2008', 'Pasirwaru', 'desa', '36.04.32', -6.100965, 105.970247);
INSERT INTO public.wilayah VALUES ('36.04.32.2009', 'Waringin', 'desa', '36.04.32', -6.07923, 105.964937);
INSERT INTO public.wilayah VALUES ('36.04.32.2010', 'Winong', 'desa', '36.04.32', -6.062603, 105.975517);
INSERT INTO public.wilayah VALUES ('36.04.32.2011', 'Batukuda', 'desa', '36.04.32', -6.053761, 105.999805);
INSERT INTO public.wilayah VALUES ('36.04.32.2012', 'Labuan', 'desa', '36.04.32', -6.091296, 105.996297);
INSERT INTO public.wilayah VALUES ('36.04.32.2013', 'Bale Kambang', 'desa', '36.04.32', -6.085347, 106.0161);
INSERT INTO public.wilayah VALUES ('36.04.32.2014', 'Bale Kencana', 'desa', '36.04.32', -6.102776, 105.952926);
INSERT INTO public.wilayah VALUES ('36.04.33', 'Gunungsari', 'kecamatan', '36.04', -6.15182, 106.036773);
INSERT INTO public.wilayah VALUES ('36.04.33.2001', 'Gunungsari', 'desa', '36.04.33', -6.16323, 106.040558);
INSERT INTO public.wilayah VALUES ('36.04.33.2002', 'Ciherang', 'desa', '36.04.33', -6.181532, 106.052169);
INSERT INTO public.wilayah VALUES ('36.04.33.2003', 'Tamiang', 'desa', '36.04.33', -6.147133, 106.067217);
INSERT INTO public.wilayah VALUES ('36.04.33.2004', 'Sukalaba', 'desa', '36.04.33', -6.147298, 106.047687);
INSERT INTO public.wilayah VALUES ('36.04.33.2005', 'Kadu Agung', 'desa', '36.04.33', -6.139583, 106.023585);
INSERT INTO public.wilayah VALUES ('36.04.33.2006', 'Luwuk', 'desa', '36.04.33', -6.13266, 106.004554);
INSERT INTO public.wilayah VALUES ('36.04.33.2007', 'Curug Sulanjana', 'desa', '36.04.33', -6.136027, 106.050984);
INSERT INTO public.wilayah VALUES ('36.04.34', 'Bandung', 'kecamatan', '36.04', -6.221297, 106.308411);
INSERT INTO public.wilayah VALUES ('36.04.34.2001', 'Bandung', 'desa', '36.04.34', -6.2255, 106.30535);
INSERT INTO public.wilayah VALUES ('36.04.34.2002', 'Mander', 'desa', '36.04.34', -6.235972, 106.321474);
INSERT INTO public.wilayah VALUES ('36.04.34.2003', 'Panamping', 'desa', '36.04.34', -6.233671, 106.332047);
INSERT INTO public.wilayah VALUES ('36.04.34.2004', 'Pangawinan', 'desa', '36.04.34', -6.24512, 106.30957);
INSERT INTO public.wilayah VALUES ('36.04.34.2005', 'Malabar', 'desa', '36.04.34', -6.224127, 106.291922);
INSERT INTO public.wilayah VALUES ('36.04.34.2006', 'Blokang', 'desa', '36.04.34', -6.205168, 106.2924);
INSERT INTO public.wilayah VALUES ('36.04.34.2007', 'Babakan', 'desa', '36.04.34', -6.203174, 106.304404);
INSERT INTO public.wilayah VALUES ('36.04.34.2008', 'Pringwulung', 'desa', '36.04.34', -6.188931, 106.301128);
INSERT INTO public.wilayah VALUES ('36.04.35', 'Lebak Wangi', 'kecamatan', '36.04', -6.074843, 106.283635);
INSERT INTO public.wilayah VALUES ('36.04.35.2001', 'Kamaruton', 'desa', '36.04.35', -6.10356, 106.289883);
INSERT INTO public.wilayah VALUES ('36.04.35.2002', 'Teras Bendung', 'desa', '36.04.35', -6.090752, 106.284419);
INSERT INTO public.wilayah VALUES ('36.04.35.2003', 'Lebak Wangi', 'desa', '36.04.35', -6.078496, 106.281031);
INSERT INTO public.wilayah VALUES ('36.04.35.2004', 'Lebak Kepuh', 'desa', '36.04.35', -6.063627, 106.272057);
INSERT INTO public.wilayah VALUES ('36.04.35.2005', 'Kencana Harapan', 'desa', '36.04.35', -6.061248, 106.29059);
INSERT INTO public.wilayah VALUES ('36.04.35.2006', 'Pegandikan', 'desa', '36.04.35', -6.046968, 106.305472);
INSERT INTO public.wilayah VALUES ('36.04.35.2007', 'Purwadadi', 'desa', '36.04.35', -6.075889, 106.295874);
INSERT INTO public.wilayah VALUES ('36.04.35.2008', 'Bolang', 'desa', '36.04.35', -6.058474, 106.308424);
INSERT INTO public.wilayah VALUES ('36.04.35.2009', 'Tirem', 'desa', '36.04.35', -6.079466, 106.26142);
INSERT INTO public.wilayah VALUES ('36.04.35.2010', 'Kebonratu', 'desa', '36.04.35', -6.095362, 106.259711);

ALTER TABLE ONLY public._fluent_migrations
    ADD CONSTRAINT _fluent_migrations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.hari_libur
    ADD CONSTRAINT hari_libur_pkey PRIMARY KEY (tanggal);

ALTER TABLE ONLY public.kategori
    ADD CONSTRAINT kategori_pkey PRIMARY KEY (kode);

ALTER TABLE ONLY public.kegiatan_foto
    ADD CONSTRAINT kegiatan_foto_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.kegiatan
    ADD CONSTRAINT kegiatan_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.kim_aktivitas_riwayat
    ADD CONSTRAINT kim_aktivitas_riwayat_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.kim_dokumen
    ADD CONSTRAINT kim_dokumen_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.kim
    ADD CONSTRAINT kim_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.kim_transisi
    ADD CONSTRAINT kim_transisi_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.laporan_foto
    ADD CONSTRAINT laporan_foto_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.laporan_lampiran
    ADD CONSTRAINT laporan_lampiran_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.laporan_nomor
    ADD CONSTRAINT laporan_nomor_pkey PRIMARY KEY (tahun);

ALTER TABLE ONLY public.laporan_opd
    ADD CONSTRAINT laporan_opd_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.laporan_peristiwa
    ADD CONSTRAINT laporan_peristiwa_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.laporan
    ADD CONSTRAINT laporan_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.materi_berkas
    ADD CONSTRAINT materi_berkas_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.materi_penerima
    ADD CONSTRAINT materi_penerima_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.materi
    ADD CONSTRAINT materi_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notifikasi
    ADD CONSTRAINT notifikasi_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.opd
    ADD CONSTRAINT opd_pkey PRIMARY KEY (kode);

ALTER TABLE ONLY public.pembinaan
    ADD CONSTRAINT pembinaan_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.penanda
    ADD CONSTRAINT penanda_pkey PRIMARY KEY (kunci);

ALTER TABLE ONLY public.pengaturan
    ADD CONSTRAINT pengaturan_pkey PRIMARY KEY (kunci);

ALTER TABLE ONLY public.pengguna
    ADD CONSTRAINT pengguna_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.pengurus
    ADD CONSTRAINT pengurus_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.percobaan_login
    ADD CONSTRAINT percobaan_login_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sesi
    ADD CONSTRAINT sesi_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.token_api
    ADD CONSTRAINT token_api_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public._fluent_migrations
    ADD CONSTRAINT "uq:_fluent_migrations.name" UNIQUE (name);

ALTER TABLE ONLY public.laporan
    ADD CONSTRAINT "uq:laporan.nomor" UNIQUE (nomor);

ALTER TABLE ONLY public.laporan
    ADD CONSTRAINT "uq:laporan.pelapor_id+laporan.kunci_idempotensi" UNIQUE (pelapor_id, kunci_idempotensi);

ALTER TABLE ONLY public.laporan_opd
    ADD CONSTRAINT "uq:laporan_opd.laporan_id+laporan_opd.kode_opd" UNIQUE (laporan_id, kode_opd);

ALTER TABLE ONLY public.laporan_peristiwa
    ADD CONSTRAINT "uq:laporan_peristiwa.laporan_id+laporan_peristiwa.urutan" UNIQUE (laporan_id, urutan);

ALTER TABLE ONLY public.materi_penerima
    ADD CONSTRAINT "uq:materi_penerima.materi_id+materi_penerima.kim_id" UNIQUE (materi_id, kim_id);

ALTER TABLE ONLY public.pengguna
    ADD CONSTRAINT "uq:pengguna.username" UNIQUE (username);

ALTER TABLE ONLY public.token_api
    ADD CONSTRAINT "uq:token_api.hash_token" UNIQUE (hash_token);

ALTER TABLE ONLY public.webhook_kiriman
    ADD CONSTRAINT webhook_kiriman_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.wilayah
    ADD CONSTRAINT wilayah_pkey PRIMARY KEY (kode);

CREATE INDEX kegiatan_kim_idx ON public.kegiatan USING btree (kim_id, tanggal);

CREATE INDEX kegiatan_kim_tanggal_idx ON public.kegiatan USING btree (kim_id, tanggal);

CREATE INDEX kim_aktivitas_riwayat_idx ON public.kim_aktivitas_riwayat USING btree (kim_id, tanggal);

CREATE UNIQUE INDEX kim_satu_per_wilayah ON public.kim USING btree (kode_wilayah) WHERE (status <> 'dibubarkan'::text);

CREATE INDEX kim_status_idx ON public.kim USING btree (status);

CREATE INDEX kim_status_wilayah_id_idx ON public.kim USING btree (status, kode_wilayah, id);

CREATE INDEX kim_transisi_kim_idx ON public.kim_transisi USING btree (kim_id);

CREATE INDEX kim_transisi_tanggal_idx ON public.kim_transisi USING btree (tanggal);

CREATE INDEX kim_wilayah_id_idx ON public.kim USING btree (kode_wilayah, id);

CREATE INDEX laporan_foto_idx ON public.laporan_foto USING btree (laporan_id);

CREATE INDEX laporan_kim_dibuat_idx ON public.laporan USING btree (kim_id, dibuat_pada);

CREATE INDEX laporan_lampiran_idx ON public.laporan_lampiran USING btree (laporan_id);

CREATE INDEX laporan_opd_kode_idx ON public.laporan_opd USING btree (kode_opd);

CREATE INDEX laporan_peristiwa_statistik_idx ON public.laporan_peristiwa USING btree (laporan_id, aksi, ke, waktu);

CREATE INDEX laporan_publik_idx ON public.laporan USING btree (dipublikasikan, dibuat_pada, id);

CREATE INDEX laporan_statistik_idx ON public.laporan USING btree (dibuat_pada, id, status, kode_kategori, kode_wilayah, diteruskan_pada);

CREATE INDEX laporan_status_idx ON public.laporan USING btree (status);

CREATE INDEX laporan_wilayah_idx ON public.laporan USING btree (kode_wilayah);

CREATE INDEX materi_penerima_kim_idx ON public.materi_penerima USING btree (kim_id);

CREATE INDEX materi_penerima_kim_tanggal_idx ON public.materi_penerima USING btree (kim_id, tanggal);

CREATE INDEX notifikasi_pengguna_idx ON public.notifikasi USING btree (pengguna_id, dibaca);

CREATE INDEX pengguna_kim_idx ON public.pengguna USING btree (kim_id);

CREATE INDEX pengguna_peran_wilayah_idx ON public.pengguna USING btree (peran, kode_wilayah);

CREATE INDEX pengurus_kim_idx ON public.pengurus USING btree (kim_id);

CREATE INDEX percobaan_login_ip_idx ON public.percobaan_login USING btree (alamat_ip, waktu);

CREATE INDEX percobaan_login_username_idx ON public.percobaan_login USING btree (username, waktu);

CREATE INDEX sesi_kedaluwarsa_idx ON public.sesi USING btree (kedaluwarsa_pada);

CREATE INDEX sesi_pengguna_idx ON public.sesi USING btree (pengguna_id);

CREATE INDEX webhook_menunggu_idx ON public.webhook_kiriman USING btree (status, berikutnya);

CREATE INDEX wilayah_kode_induk_idx ON public.wilayah USING btree (kode_induk);

ALTER TABLE ONLY public.kategori
    ADD CONSTRAINT kategori_kode_opd_fkey FOREIGN KEY (kode_opd) REFERENCES public.opd(kode);

ALTER TABLE ONLY public.kegiatan_foto
    ADD CONSTRAINT kegiatan_foto_kegiatan_id_fkey FOREIGN KEY (kegiatan_id) REFERENCES public.kegiatan(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.kegiatan
    ADD CONSTRAINT kegiatan_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.kim_aktivitas_riwayat
    ADD CONSTRAINT kim_aktivitas_riwayat_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.kim_dokumen
    ADD CONSTRAINT kim_dokumen_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.kim
    ADD CONSTRAINT kim_kode_wilayah_fkey FOREIGN KEY (kode_wilayah) REFERENCES public.wilayah(kode);

ALTER TABLE ONLY public.kim_transisi
    ADD CONSTRAINT kim_transisi_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.laporan_foto
    ADD CONSTRAINT laporan_foto_laporan_id_fkey FOREIGN KEY (laporan_id) REFERENCES public.laporan(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.laporan
    ADD CONSTRAINT laporan_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id);

ALTER TABLE ONLY public.laporan
    ADD CONSTRAINT laporan_kode_kategori_fkey FOREIGN KEY (kode_kategori) REFERENCES public.kategori(kode);

ALTER TABLE ONLY public.laporan
    ADD CONSTRAINT laporan_kode_wilayah_fkey FOREIGN KEY (kode_wilayah) REFERENCES public.wilayah(kode);

ALTER TABLE ONLY public.laporan_lampiran
    ADD CONSTRAINT laporan_lampiran_laporan_id_fkey FOREIGN KEY (laporan_id) REFERENCES public.laporan(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.laporan_lampiran
    ADD CONSTRAINT laporan_lampiran_peristiwa_id_fkey FOREIGN KEY (peristiwa_id) REFERENCES public.laporan_peristiwa(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.laporan_opd
    ADD CONSTRAINT laporan_opd_kode_opd_fkey FOREIGN KEY (kode_opd) REFERENCES public.opd(kode);

ALTER TABLE ONLY public.laporan_opd
    ADD CONSTRAINT laporan_opd_laporan_id_fkey FOREIGN KEY (laporan_id) REFERENCES public.laporan(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.laporan
    ADD CONSTRAINT laporan_pelapor_id_fkey FOREIGN KEY (pelapor_id) REFERENCES public.pengguna(id);

ALTER TABLE ONLY public.laporan_peristiwa
    ADD CONSTRAINT laporan_peristiwa_laporan_id_fkey FOREIGN KEY (laporan_id) REFERENCES public.laporan(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.materi_berkas
    ADD CONSTRAINT materi_berkas_materi_id_fkey FOREIGN KEY (materi_id) REFERENCES public.materi(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.materi_berkas
    ADD CONSTRAINT materi_berkas_penerima_id_fkey FOREIGN KEY (penerima_id) REFERENCES public.materi_penerima(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.materi_penerima
    ADD CONSTRAINT materi_penerima_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.materi_penerima
    ADD CONSTRAINT materi_penerima_materi_id_fkey FOREIGN KEY (materi_id) REFERENCES public.materi(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.notifikasi
    ADD CONSTRAINT notifikasi_pengguna_id_fkey FOREIGN KEY (pengguna_id) REFERENCES public.pengguna(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.pembinaan
    ADD CONSTRAINT pembinaan_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.pengguna
    ADD CONSTRAINT pengguna_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id);

ALTER TABLE ONLY public.pengguna
    ADD CONSTRAINT pengguna_kode_opd_fkey FOREIGN KEY (kode_opd) REFERENCES public.opd(kode);

ALTER TABLE ONLY public.pengguna
    ADD CONSTRAINT pengguna_kode_wilayah_fkey FOREIGN KEY (kode_wilayah) REFERENCES public.wilayah(kode);

ALTER TABLE ONLY public.pengurus
    ADD CONSTRAINT pengurus_kim_id_fkey FOREIGN KEY (kim_id) REFERENCES public.kim(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.pengurus
    ADD CONSTRAINT pengurus_pengguna_id_fkey FOREIGN KEY (pengguna_id) REFERENCES public.pengguna(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.token_api
    ADD CONSTRAINT token_api_pengguna_id_fkey FOREIGN KEY (pengguna_id) REFERENCES public.pengguna(id) ON DELETE CASCADE;

