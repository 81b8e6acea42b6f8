/// The kinds of object the trail names (`object_kind`).
public enum AuditKinds {
    public static let account = "compte"
    public static let role = "rôle"
    public static let invitation = "invitation"
    public static let reset = "réinitialisation"
    public static let session = "session"
    public static let persona = "persona"
    public static let declaration = "déclaration"
    public static let place = "lieu"
    public static let structure = "structure"
    public static let missingPlace = "lieu manquant"
    public static let cycle = "cycle"
    public static let meeting = "rencontre"
    public static let participant = "participant"
    public static let card = "carte d'atelier"
    public static let partnership = "partenariat"
    public static let orientationRule = "règle d'orientation"
}
