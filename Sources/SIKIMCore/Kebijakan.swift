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
    case lihatAudit
    case lihatPengaturan
    case ubahPengaturan
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

/// The single permission policy of SIKIM (DOMAIN.md, "Who may do what").
/// `aktor == nil` is the public.
public enum Kebijakan {
    public static func boleh(_ aktor: Aktor?, _ tindakan: Tindakan) -> Bool {
        let peran = aktor?.peran
        switch tindakan {
        case .lihatWilayah, .lihatOPD:
            return true
        case .kelolaOPD, .kelolaPengguna, .kelolaToken, .ubahPengaturan:
            return peran == .admin
        case .lihatAudit, .lihatPengaturan:
            return peran == .admin || peran == .verifikator
        case .lihatDaftarPengguna:
            return cakupanPengguna(aktor) != .tidakAda
        case .lihatPengguna(let sasaran):
            return cakupanPengguna(aktor).cocok(sasaran)
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
