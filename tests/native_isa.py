"""Which instructions a native library holds that the portable baseline (x86-64 with AVX2, FMA, F16C, BMI2)
does not: AVX-512 in any form, AVX-VNNI and AMX.

The library is disassembled with binutils' objdump (AT&T syntax) and read function by function. AVX-512 code
shows itself by its registers (zmm, the mask registers k1-k7, xmm16-31/ymm16-31, which only EVEX can name)
or by mnemonics that exist only in AVX-512; AMX by its tile instructions. A function that runs such code only
after checking the CPU at run time can be named in `dispatched`; the portable build has none.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_FUNCTION = re.compile(r"^[0-9a-f]+ <(?P<name>[^>]+)>:$")
_INSTRUCTION = re.compile(
    r"^\s*[0-9a-f]+:\s+(?P<mnemonic>(?:\{(?:vex|vex3|evex)\}\s*)?[a-z][a-z0-9.]*)\s*(?P<operands>.*)$"
)
# AVX-512 registers (zmm, masks, xmm16-31/ymm16-31), embedded broadcast and rounding, which only EVEX encodes.
_AVX512_REGISTER = re.compile(
    r"%zmm\d|%k[1-7]\b|\{%k[0-7]\}|%[xy]mm(?:1[6-9]|2\d|3[01])\b|\{1to\d+\}|\{(?:r[nduz]-)?sae\}"
)
# A broadcast from a general register exists only in AVX-512 (AVX2 broadcasts from memory or xmm).
_GPR_BROADCAST = re.compile(r"^vpbroadcast[bwdq]$")
_GPR_SOURCE = re.compile(r"^%[re]?[a-d]x|^%[re]?[sd]i|^%r\d+|^%[re]?[sb]p")
_AMX = re.compile(
    r"^(?:tileloadd|tileloaddt1|tilestored|tdpb[su][su]d|tdpbf16ps|tdpfp16ps|ldtilecfg|sttilecfg|tilezero|tilerelease)$"
)
_AVX512_MNEMONIC = re.compile(
    r"^(?:vpternlog[dq]|vperm[it]2\w+|v?p?compress\w+|vp?expand\w+|vpmov(?:[su]?[qdw][bwd]|m2\w|\w2m)|vpro[lr]v?[dq]"
    r"|vpsrav?q|vpabsq|vp(?:max|min)[su]q|vpmullq|vpconflict[dq]|vplzcnt[dq]|vpopcnt[bwdq]|vdpbf16ps|vcvtne2?ps2bf16"
    r"|vpdpbusds?|vpdpwssds?|vrcp14\w+|vrsqrt14\w+|vgetexp\w+|vgetmant\w+|vrndscale\w+|vscalef\w+|vfixupimm\w+"
    r"|vreduce\w+|vrange\w+|vfpclass\w+|vpbroadcastm\w+|valign[dq]|vshuf[fi](?:32x4|64x2)|v(?:insert|extract)[fi](?:32x4|32x8|64x2|64x4)"
    r"|vbroadcast[fi](?:32x[248]|64x[24])|k(?:mov|and|andn|or|xor|xnor|not|shiftl|shiftr|ortest|test|unpck|add)[bwdq]"
    r"|vcvt\w*2u\w+|vcvtu\w+|vpmadd52[lh]uq|vpshufbitqmb|vpshld\w*|vpshrd\w*|vpermb|vpermi2b|vpmultishiftqb)$"
)


@dataclass
class Finding:
    function: str
    mnemonic: str
    operands: str
    kind: str  # "AVX-512", "AVX-VNNI" or "AMX"


@dataclass
class IsaReport:
    library: Path
    findings: list[Finding] = field(default_factory=list)

    @property
    def functions(self) -> Counter[str]:
        return Counter(f"{f.kind} in {f.function}" for f in self.findings)

    def summary(self, limit: int = 12) -> str:
        lines = [f"{self.library.name}: {len(self.findings)} instructions beyond the baseline"]
        for where, count in self.functions.most_common(limit):
            lines.append(f"  {count:6d}  {where}")
        for finding in self.findings[:5]:
            lines.append(f"  e.g. {finding.function}: {finding.mnemonic} {finding.operands}")
        return "\n".join(lines)


def _kind(mnemonic: str, operands: str) -> str | None:
    prefix, _, rest = mnemonic.rpartition("}")
    base = rest.strip() if prefix else mnemonic
    if _AMX.match(base):
        return "AMX"
    if prefix.endswith("{evex"):
        return "AVX-512"
    gpr_broadcast = bool(_GPR_BROADCAST.match(base) and _GPR_SOURCE.match(operands))
    if _AVX512_REGISTER.search(operands) or _AVX512_MNEMONIC.match(base) or gpr_broadcast:
        if base.startswith(("vpdpbus", "vpdpwss")) and not _AVX512_REGISTER.search(operands):
            return "AVX-VNNI"  # VEX-encoded VNNI: not AVX-512, but not in the baseline either
        return "AVX-512"
    return None


def scan(library: Path, dispatched: frozenset[str] = frozenset()) -> IsaReport:
    """Every instruction beyond the baseline in `library`, outside the `dispatched` functions."""
    objdump = shutil.which("objdump")
    if objdump is None:
        raise FileNotFoundError("objdump (binutils) is needed to read native code; .ci/run installs it")
    listing = subprocess.run(
        [objdump, "-d", "--no-show-raw-insn", "-M", "att", str(library)],
        capture_output=True,
        text=True,
        check=True,
        errors="replace",
    ).stdout
    report = IsaReport(library)
    function = "?"
    for line in listing.splitlines():
        if (start := _FUNCTION.match(line)) is not None:
            function = start["name"]
            continue
        if (instruction := _INSTRUCTION.match(line)) is None or function in dispatched:
            continue
        kind = _kind(instruction["mnemonic"], instruction["operands"])
        if kind is not None:
            report.findings.append(Finding(function, instruction["mnemonic"], instruction["operands"], kind))
    return report
