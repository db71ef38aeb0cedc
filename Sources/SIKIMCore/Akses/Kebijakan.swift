import Foundation

/// What someone wants to do. Object-bound actions carry what the rule needs to know
/// about the object (for a user: its assignment).
public enum Tindakan: Hashable, Sendable {
    case lihatWilayah
    case lihatOPD
    case kelolaOPD
    case lihatDaftarPengguna
    case lihatPengguna(Penugasan)
    case kelolaPengguna
    case kelolaToken
    /// Revoke a token: its owner, or the admin.
    case cabutToken(pemilik: UUID)
    case lihatAudit
    case lihatPengaturan
    case ubahPengaturan
    /// The public KIM directory (no phone numbers, no documents).
    case lihatDirektoriKim
    /// The KIM registry list (full records within the actor's scope).
    case lihatDaftarKim
    /// A KIM's full record, board contacts and documents included.
    case lihatKim(wilayah: KodeWilayah, kim: UUID?)
    /// Create a KIM or change its data and board (`kim` is nil for a new one).
    case ubahKim(wilayah: KodeWilayah, kim: UUID?)
    /// Change these fields of a KIM: its managers may change all, its own board members
    /// only the contact fields (`AturanKim.bidangKontak`).
    case ubahBidangKim(wilayah: KodeWilayah, kim: UUID, bidang: Set<String>)
    /// Form a KIM somewhere (the region is checked with `ubahKim` when it is chosen).
    case bentukKim
    case lihatDasborPembentukan
    case imporKim
    /// Submit a laporan (where: `AturanLaporan.bolehMelapor`).
    case kirimLaporan
    /// The laporan inboxes (every signed-in role has one, scoped by `cakupanLaporan`).
    case lihatDaftarLaporan
    case lihatLaporan(SasaranLaporan)
    /// Act on a laporan, read its timeline or open its follow-up attachments: only those whose
    /// own scope covers it (anyone reads a published laporan, but its handling stays internal).
    case tanganiLaporan(SasaranLaporan)
    /// Send the full version of a photo sent as a preview (`FotoMenyusul`): its reporter only.
    case lengkapiFotoLaporan(SasaranLaporan)
    /// Category and holiday settings.
    case kelolaPengaturan
    /// The chat channels' triage inbox and outbox, and the phone numbers of citizens who wrote
    /// in (issue 21): Diskominfosatik staff only, never operators, OPD or the public.
    case olahPesanKanal
    /// Tie one's own phone number to one's account, to report by chat: a pengurus KIM.
    case hubungkanNomor
}

/// What the policy needs to know about a laporan to decide who may read it.
public struct SasaranLaporan: Hashable, Sendable {
    public let wilayah: KodeWilayah
    public let kim: UUID?
    public let pelapor: UUID
    public let opd: Set<String>
    public let dipublikasikan: Bool

    public init(wilayah: KodeWilayah, kim: UUID?, pelapor: UUID, opd: Set<String>, dipublikasikan: Bool) {
        (self.wilayah, self.kim, self.pelapor, self.opd, self.dipublikasikan) = (wilayah, kim, pelapor, opd, dipublikasikan)
    }
}

/// Which laporan an actor may read; also the database filter of laporan lists.
public enum CakupanLaporan: Equatable, Sendable {
    case semua
    case wilayah(KodeWilayah)
    /// A pengurus: its own KIM's laporan (and its own).
    case kim(UUID, pelapor: UUID)
    /// An OPD officer: only what was forwarded to that OPD.
    case opd(String)
    /// The public: published information only.
    case dipublikasikan

    public func cocok(_ s: SasaranLaporan) -> Bool {
        switch self {
        case .semua: true
        case .wilayah(let k): k.mencakup(s.wilayah)
        case .kim(let id, let p): s.kim == id || s.pelapor == p
        case .opd(let kode): s.opd.contains(kode)
        case .dipublikasikan: s.dipublikasikan
        }
    }
}

/// Which users a list may show to an actor. One value serves both the row check
/// (`cocok`) and the database filter, so the list and the detail page cannot disagree.
public enum CakupanPengguna: Equatable, Sendable {
    case semua
    /// Users of these roles bound to a region inside `wilayah`.
    case wilayah(KodeWilayah, peran: Set<Peran>)
    case tidakAda

    public func cocok(_ p: Penugasan) -> Bool {
        switch self {
        case .semua: true
        case .tidakAda: false
        case .wilayah(let kode, let peran):
            peran.contains(p.peran) && p.kodeWilayah.map(kode.mencakup) == true
        }
    }
}

public enum CakupanKim: Equatable, Sendable {
    case semua
    case wilayah(KodeWilayah)
    case satu(UUID)
    case tidakAda

    public func cocok(wilayah w: KodeWilayah, kim: UUID?) -> Bool {
        switch self {
        case .semua: true
        case .wilayah(let k): k.mencakup(w)
        case .satu(let id): kim == id
        case .tidakAda: false
        }
    }
}

/// The single permission policy of SIKIM (DOMAIN.md, "Who may do what").
/// `aktor == nil` is the public.
public enum Kebijakan {
    public static func boleh(_ aktor: Aktor?, _ tindakan: Tindakan) -> Bool {
        let peran = aktor?.peran
        switch tindakan {
        case .lihatWilayah, .lihatOPD, .lihatDirektoriKim:
            return true
        case .kelolaOPD, .kelolaPengguna, .kelolaToken, .ubahPengaturan, .imporKim:
            return peran == .admin
        case .cabutToken(let pemilik):
            return peran == .admin || aktor?.id == pemilik
        case .lihatAudit, .lihatPengaturan, .olahPesanKanal:
            return peran == .admin || peran == .verifikator
        case .lihatDaftarPengguna:
            return cakupanPengguna(aktor) != .tidakAda
        case .lihatDaftarKim:
            return cakupanKim(aktor) != .tidakAda
        case .lihatPengguna(let sasaran):
            return cakupanPengguna(aktor).cocok(sasaran)
        case .lihatKim(let w, let kim):
            return cakupanKim(aktor).cocok(wilayah: w, kim: kim)
        case .ubahKim(let w, _):
            switch aktor?.penugasan {
            case .admin?: return true
            case .operatorKecamatan(let k)?: return k.mencakup(w)
            case .operatorDesa(let d)?: return d == w
            default: return false
            }
        case .ubahBidangKim(let w, let kim, let bidang):
            return boleh(aktor, .ubahKim(wilayah: w, kim: kim))
                || (aktor?.penugasan.kimID == kim && bidang.isSubset(of: AturanKim.bidangKontak))
        case .bentukKim:
            return peran == .admin || peran == .operatorKecamatan || peran == .operatorDesa
        case .kirimLaporan:
            return peran == .admin || peran == .pengurusKim
        case .hubungkanNomor:
            return peran == .pengurusKim
        case .lihatDaftarLaporan:
            return aktor != nil
        case .lihatLaporan(let s):
            // Published information is public, whoever reads it (`TampilanLaporan` decides how much).
            return s.dipublikasikan || cakupanLaporan(aktor).cocok(s)
        case .tanganiLaporan(let s):
            return aktor != nil && cakupanLaporan(aktor).cocok(s)
        case .lengkapiFotoLaporan(let s):
            return aktor != nil && aktor?.id == s.pelapor
        case .kelolaPengaturan:
            return peran == .admin
        case .lihatDasborPembentukan:
            switch peran {
            case .admin?, .verifikator?, .operatorKecamatan?, .operatorDesa?: return true
            default: return false
            }
        }
    }

    public static func cakupanLaporan(_ aktor: Aktor?) -> CakupanLaporan {
        switch aktor?.penugasan {
        case .admin?, .verifikator?: .semua
        case .operatorKecamatan(let k)?: .wilayah(k)
        case .operatorDesa(let d)?: .wilayah(d)
        case .pengurusKim(let id, _)?: .kim(id, pelapor: aktor!.id)
        case .opd(let kode)?: .opd(kode)
        case nil: .dipublikasikan
        }
    }

    /// Which KIMs an actor may read in full; also the database filter of KIM lists.
    public static func cakupanKim(_ aktor: Aktor?) -> CakupanKim {
        switch aktor?.penugasan {
        case .admin?, .verifikator?: .semua
        case .operatorKecamatan(let k)?: .wilayah(k)
        case .operatorDesa(let d)?: .wilayah(d)
        case .pengurusKim(let id, _)?: .satu(id)
        case .opd?, nil: .tidakAda
        }
    }

    public static func cakupanPengguna(_ aktor: Aktor?) -> CakupanPengguna {
        switch aktor?.penugasan {
        case .admin?, .verifikator?:
            return .semua
        case .operatorKecamatan(let k)?:
            return .wilayah(k, peran: [.operatorDesa, .pengurusKim])
        case .operatorDesa(let k)?:
            return .wilayah(k, peran: [.pengurusKim])
        case .pengurusKim?, .opd?, nil:
            return .tidakAda
        }
    }
}
