import Foundation

public enum Peran: String, CaseIterable, Codable, Sendable {
    case admin
    case verifikator
    case operatorKecamatan = "operator_kecamatan"
    case operatorDesa = "operator_desa"
    case pengurusKim = "pengurus_kim"
    case opd

    public var label: String {
        switch self {
        case .admin: "Admin Kabupaten"
        case .verifikator: "Verifikator"
        case .operatorKecamatan: "Operator Kecamatan"
        case .operatorDesa: "Operator Desa"
        case .pengurusKim: "Pengurus KIM"
        case .opd: "Petugas OPD"
        }
    }
}

/// A role together with what it is bound to. Each case carries exactly the binding its
/// role needs, so an operator without a kecamatan cannot be represented.
public enum Penugasan: Hashable, Sendable {
    case admin
    case verifikator
    case operatorKecamatan(KodeWilayah)
    case operatorDesa(KodeWilayah)
    /// A board member is bound to one KIM; its region comes with it for area rules.
    case pengurusKim(kim: UUID, wilayah: KodeWilayah)
    case opd(kode: String)

    public var peran: Peran {
        switch self {
        case .admin: .admin
        case .verifikator: .verifikator
        case .operatorKecamatan: .operatorKecamatan
        case .operatorDesa: .operatorDesa
        case .pengurusKim: .pengurusKim
        case .opd: .opd
        }
    }

    /// The region the assignment is bound to, if any.
    public var kodeWilayah: KodeWilayah? {
        switch self {
        case .operatorKecamatan(let k), .operatorDesa(let k), .pengurusKim(_, let k): k
        case .admin, .verifikator, .opd: nil
        }
    }

    public var kimID: UUID? {
        if case .pengurusKim(let id, _) = self { return id }
        return nil
    }

    public var kodeOPD: String? {
        if case .opd(let k) = self { return k }
        return nil
    }

    /// Builds an assignment from stored or submitted fields, refusing bindings that do not
    /// fit the role (a desa code for an operator kecamatan, an OPD for an admin, …). A
    /// pengurus KIM is bound through `kim` (the KIM and its region), never a bare code.
    public static func buat(peran: Peran, kodeWilayah: String?, kodeOPD: String?,
                            kim: (id: UUID, wilayah: KodeWilayah)? = nil) throws(KesalahanIsian) -> Penugasan {
        let wilayah = kodeWilayah.flatMap { $0.isEmpty ? nil : $0 }
        let opd = kodeOPD.flatMap { $0.isEmpty ? nil : $0 }
        func wilayahTingkat(_ t: Tingkat) throws(KesalahanIsian) -> KodeWilayah {
            guard opd == nil else { throw KesalahanIsian("kode_opd", "\(peran.label) tidak terikat pada OPD.") }
            guard let teks = wilayah else {
                throw KesalahanIsian("kode_wilayah", "\(peran.label) wajib terikat pada satu \(t.label.lowercased()).")
            }
            guard let kode = KodeWilayah(teks), kode.tingkat == t else {
                throw KesalahanIsian("kode_wilayah", "Kode \(teks) bukan kode \(t.label.lowercased()) yang valid.")
            }
            return kode
        }
        if peran != .pengurusKim, kim != nil {
            throw KesalahanIsian("kim", "\(peran.label) tidak terikat pada KIM.")
        }
        func tanpaIkatan() throws(KesalahanIsian) {
            if wilayah != nil { throw KesalahanIsian("kode_wilayah", "\(peran.label) tidak terikat pada wilayah.") }
            if opd != nil { throw KesalahanIsian("kode_opd", "\(peran.label) tidak terikat pada OPD.") }
        }
        switch peran {
        case .admin:
            try tanpaIkatan(); return .admin
        case .verifikator:
            try tanpaIkatan(); return .verifikator
        case .operatorKecamatan:
            return .operatorKecamatan(try wilayahTingkat(.kecamatan))
        case .operatorDesa:
            return .operatorDesa(try wilayahTingkat(.desa))
        case .pengurusKim:
            guard let kim else { throw KesalahanIsian("kim", "Pengurus KIM wajib terikat pada satu KIM.") }
            if opd != nil { throw KesalahanIsian("kode_opd", "Pengurus KIM tidak terikat pada OPD.") }
            if let w = wilayah, w != kim.wilayah.nilai {
                throw KesalahanIsian("kode_wilayah", "Wilayah pengurus KIM mengikuti wilayah KIM-nya.")
            }
            return .pengurusKim(kim: kim.id, wilayah: kim.wilayah)
        case .opd:
            guard wilayah == nil else { throw KesalahanIsian("kode_wilayah", "Petugas OPD tidak terikat pada wilayah.") }
            guard let opd else { throw KesalahanIsian("kode_opd", "Petugas OPD wajib terikat pada satu OPD.") }
            return .opd(kode: opd)
        }
    }
}

/// The signed-in user as the policy sees them.
public struct Aktor: Hashable, Sendable {
    public let id: UUID
    public let penugasan: Penugasan

    public init(id: UUID, penugasan: Penugasan) {
        self.id = id
        self.penugasan = penugasan
    }

    public var peran: Peran { penugasan.peran }
}
