from .evidence import EvidenceFile, EvidenceLink, FileKind, TaskEvidence
from .periods import EvaluationPeriod, PeriodSnapshot
from .surveys import SurveyKind, SurveyResponse
from .tasks import ConstructionTask, Pillar

__all__ = [
    "ConstructionTask",
    "EvaluationPeriod",
    "EvidenceFile",
    "EvidenceLink",
    "FileKind",
    "PeriodSnapshot",
    "Pillar",
    "SurveyKind",
    "SurveyResponse",
    "TaskEvidence",
]
