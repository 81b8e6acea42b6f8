/// `typologie`: the structure typology codes (data·inclusion / ANCT closed list).
public enum Typology: String, StandardVocabulary {
    case aci = "ACI", aciphc = "ACIPHC", afpa = "AFPA", ai = "AI", ase = "ASE", asso = "ASSO"
    case assoChomeur = "ASSO_CHOMEUR", autre = "Autre", avip = "AVIP", bib = "BIB", caarud = "CAARUD"
    case cada = "CADA", caf = "CAF", capEmploi = "CAP_EMPLOI", cava = "CAVA", cc = "CC", ccas = "CCAS"
    case ccons = "CCONS", cd = "CD", cdas = "CDAS", cfp = "CFP", chrs = "CHRS", chu = "CHU", cias = "CIAS"
    case cidff = "CIDFF", citmet = "CITMET", cmp = "CMP", cms = "CMS", cpam = "CPAM", cph = "CPH", cs = "CS"
    case csapa = "CSAPA", csc = "CSC", deets = "DEETS", dept = "DEPT", diplp = "DIPLP", e2c = "E2C", ea = "EA"
    case eatt = "EATT", ei = "EI", eiti = "EITI", enm = "ENM", epci = "EPCI", epi = "EPI", epide = "EPIDE"
    case epn = "EPN", es = "ES", esat = "ESAT", ess = "ESS", etti = "ETTI", evs = "EVS", fablab = "FABLAB"
    case fabrique = "FABRIQUE", fais = "FAIS", ft = "FT", geiq = "GEIQ", huda = "HUDA", laPoste = "LA_POSTE"
    case mde = "MDE", mdh = "MDH", mdef = "MDEF", mdph = "MDPH", mds = "MDS", mjc = "MJC", ml = "ML", mq = "MQ"
    case msa = "MSA", msap = "MSAP", muni = "MUNI", oacas = "OACAS", odc = "ODC", of = "OF", oil = "OIL"
    case opcs = "OPCS", pad = "PAD", pension = "PENSION", pi = "PI", pijBij = "PIJ_BIJ", pimms = "PIMMS"
    case pjj = "PJJ", plie = "PLIE", pref = "PREF", prevention = "PREVENTION", reg = "REG"
    case relaisLecture = "RELAIS_LECTURE", ressourcerie = "RESSOURCERIE", rfs = "RFS", rsFjt = "RS_FJT"
    case scp = "SCP", spip = "SPIP", tiersLieux = "TIERS_LIEUX", udaf = "UDAF"

    public static let column = StandardColumn.typologie
    /// "PE" (Pôle emploi) became "FT" (France Travail) on 2024-01-01.
    public static let aliases: [String: Typology] = ["PE": .ft]
}
