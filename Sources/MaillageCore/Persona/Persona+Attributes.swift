extension Persona {
    public enum AgeBand: String, Codable, CaseIterable, Sendable {
        case under26 = "moins-de-26", from26to59 = "26-59", from60to74 = "60-74", over75 = "75-et-plus"

        public var label: String {
            switch self {
            case .under26: "moins de 26 ans"
            case .from26to59: "26 à 59 ans"
            case .from60to74: "60 à 74 ans"
            case .over75: "75 ans et plus"
            }
        }
    }

    public enum Situation: String, Codable, CaseIterable, Sendable {
        case retiredAlone = "retraite-seul", jobSeeker = "demandeur-emploi", parent = "parent", student = "etudiant",
            newlyArrived = "nouvel-arrivant", lowWageWorker = "salarie-precaire", disabled = "situation-handicap"

        public var label: String {
            switch self {
            case .retiredAlone: "retraité·e vivant seul·e"
            case .jobSeeker: "demandeur·se d'emploi"
            case .parent: "parent"
            case .student: "étudiant·e"
            case .newlyArrived: "nouvel·le arrivant·e"
            case .lowWageWorker: "salarié·e aux horaires contraints"
            case .disabled: "personne en situation de handicap"
            }
        }
    }

    public enum Equipment: String, Codable, CaseIterable, Sendable {
        case none = "aucun", smartphoneOnly = "smartphone", computer = "ordinateur"

        public var label: String {
            switch self {
            case .none: "aucun équipement"
            case .smartphoneOnly: "un smartphone seulement"
            case .computer: "un ordinateur"
            }
        }
    }

    public enum Autonomy: String, Codable, CaseIterable, Sendable {
        case none = "aucune", beginner = "debutant", intermediate = "intermediaire", autonomous = "autonome"

        public var label: String {
            switch self {
            case .none: "ne se sert pas des outils numériques"
            case .beginner: "débutant·e"
            case .intermediate: "se débrouille pour l'essentiel"
            case .autonomous: "autonome"
            }
        }
    }

    public enum Mobility: String, Codable, CaseIterable, Sendable {
        case onFoot = "a-pied", bus = "bus", car = "voiture"

        public var label: String {
            switch self {
            case .onFoot: "à pied"
            case .bus: "en bus"
            case .car: "en voiture"
            }
        }

        /// Minutes to cover a straight-line distance by this mode, with the diagnostic's assumptions.
        public func minutes(distanceMetres: Double, parameters: DiagnosticParameters) -> Double {
            minutes(in: parameters.accessTimes(distanceMetres: distanceMetres))
        }

        /// This mode's time among a trip's access times.
        public func minutes(in times: AccessTimes) -> Double {
            switch self {
            case .onFoot: times.walking
            case .bus: times.bus
            case .car: times.car
            }
        }
    }
}
