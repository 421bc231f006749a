#!/usr/bin/env python3
"""Generates the bundled practice workspace (沙盘推演练习数据).

    python3 scripts/generate-practice.py           # writes src/demo/practice-workspace.json
    python3 scripts/generate-practice.py --check   # only checks
    python3 scripts/generate-practice.py --stdout  # prints the file (the core's tests compare it)

Everything here is fictional: the customers (鸿远银行, 江南能源集团, 临澜市中心医院),
their people, the competitors (云擎科技, 数衡软件, 北辰信息, 智联方舟, 景泓医疗信息) and
our own colleagues. The data is hand-written, not random, so every run produces
byte-identical output. Python 3 standard library only. Chinese text uses
full-width punctuation; thousands separators stay ASCII (4,200亿元).

The file follows shared/spec/workspace-json.md (version 1). No rule of the
product is copied here: the stage checklists and the tactic library are read
from a fresh workspace's export, the file is judged by the importer itself
(`sandtable import` into a scratch workspace), and grades come from `sandtable
deals`. The CLI is $SANDTABLE_CLI, else target/debug/sandtable (built first if
missing).

"Today" for the story is 2026-11-26: done activities lie before it, planned ones after.
"""

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile

TODAY = dt.date(2026, 11, 26)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "demo", "practice-workspace.json")


def sandtable(*args, check=True):
    """Runs the sandtable CLI; a failure that is not asked for ends the script with its message."""
    cli = os.environ.get("SANDTABLE_CLI") or os.path.join(ROOT, "target", "debug", "sandtable")
    if not os.path.exists(cli):
        subprocess.run(["cargo", "build", "-q", "-p", "sandtable", "--bin", "sandtable"], cwd=ROOT, check=True)
    env = {k: v for k, v in os.environ.items() if k != "SANDTABLE_DB"}
    done = subprocess.run([cli, *args], capture_output=True, text=True, env=env)
    if check and done.returncode != 0:
        sys.exit(f"sandtable {' '.join(args)}: {done.stderr}")
    return done


def fresh_settings():
    """The settings a new workspace starts with (stages, tactic library), from the CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "fresh.db")
        sandtable("init", "--db", db)
        return json.loads(sandtable("export", "--db", db).stdout)["settings"]


FRESH = fresh_settings()

# ---------------------------------------------------------------------------
# Vocabulary shorthands (enums.rs)
# ---------------------------------------------------------------------------

ORIENT = {
    "pro": "professional",
    "prag": "pragmatic",
    "pp": "professional_pragmatic",
    "ppr": "pragmatic_professional",
    "bal": "balanced",
    "?": "unknown",
}
ATT = {
    "++": "strong_positive",
    "+": "positive",
    "0": "neutral",
    "-": "negative",
    "--": "strong_negative",
    "?": "unknown",
}
INFL = {"H": "high", "M": "medium", "L": "low", "?": "unknown"}
ROLE = {"A": "approver", "D": "decision_maker", "E": "evaluator", "U": "user", "?": "unknown"}
COMP = {
    "yunqing": "k-yunqing",
    "shuheng": "k-shuheng",
    "beichen": "k-beichen",
    "zhilian": "k-zhilian",
    "jinghong": "k-jinghong",
}

# Our colleagues (names only: they are not customer people).
SALES_DIRECTOR = "周立群"  # 销售总监, the coach
VP = "欧阳明"  # 副总裁, management sponsor
AM_BANK = "陈晓东"
AM_ENERGY = "林雨婷"
AM_HOSP = "赵海涛"
PRE_BANK = "孙嘉怡"
PRE_ENERGY = "吴博文"
PRE_HOSP = "苗雨桐"
TECH_CORE = "郑凯"
TECH_DATA = "冯思远"
DELIVERY = "马骏"
BID = "何静"
CHANNEL = "许航"


def team(*members):
    return [{"colleague": c, "department": d, "role": r} for c, d, r in members]


T_DIRECTOR = (SALES_DIRECTOR, "销售部", "管理层支持")
T_VP = (VP, "公司管理层", "管理层支持")
T_BID = (BID, "商务部", "投标专员")
T_DELIVERY = (DELIVERY, "交付服务部", "交付")

# ---------------------------------------------------------------------------
# Competitor library (§3.2)
# ---------------------------------------------------------------------------

COMPETITORS = [
    {
        "id": "k-yunqing",
        "name": "云擎科技",
        "info": "总部位于华南的云计算与数字化转型厂商，员工约1.2万人，2025年营收约86亿元。金融云、政企云增长快，近两年高调进入城商行核心系统与能源行业。",
        "partners": ["华信数智（金融行业集成商）", "东岳系统集成", "蓝橙管理咨询"],
        "strengths": "品牌与资本实力强，全栈云产品；擅长高层运作，常以联合创新实验室、生态基金打动决策层；报价灵活，惯于捆绑云资源与算力。",
        "weaknesses": "银行核心与工业设备领域行业经验浅，核心业务交付依赖合作伙伴；项目团队流动大；去年两个农商行/城商行核心项目投产延期。",
        "events": [
            {"date": "2026-03-18", "text": "发布“擎天”分布式金融核心平台2.0，宣称已签约5家城商行"},
            {"date": "2026-07-02", "text": "与华信数智成立金融行业联合体，由后者负责核心系统交付"},
            {"date": "2026-09-15", "text": "某农商行核心系统项目因投产延期被客户内部通报"},
            {"date": "2026-10-22", "text": "云擎科技董事长拜访鸿远银行董事长顾振华，提议共建联合创新实验室"},
        ],
    },
    {
        "id": "k-shuheng",
        "name": "数衡软件",
        "info": "老牌金融与财务软件厂商，2003年成立，员工约4,000人。鸿远银行现有集中式核心系统、江南能源集团财务共享一期均为其产品。",
        "partners": ["申城金服（运维外包）", "恒瑞会计师事务所（财务咨询）"],
        "strengths": "存量客户基础深厚，熟悉客户业务口径；监管报送规则积累多；驻场运维团队与运维、财务条线关系紧密；报价低，善用“免费升级”锁定客户。",
        "weaknesses": "核心产品为集中式架构，分布式改造进展慢；信创适配不完整；界面陈旧，二次开发依赖原厂；近两年研发骨干流失。",
        "events": [
            {"date": "2026-04-10", "text": "推出面向存量核心客户的“免费升级至V9”计划"},
            {"date": "2026-08-20", "text": "分布式核心首个试点在某农信社上线，性能数据未公开"},
            {"date": "2026-11-12", "text": "中标江南能源集团财务共享中心二期（约260万元）"},
            {"date": "2026-11-20", "text": "向鸿远银行提出“核心系统免费升级+数据迁移服务”方案"},
        ],
    },
    {
        "id": "k-beichen",
        "name": "北辰信息",
        "info": "华东本地系统集成商，员工约600人，以系统集成、运维外包和国产终端/服务器代理为主。",
        "partners": ["国产服务器与终端厂商省级代理渠道", "本地运维外包团队"],
        "strengths": "本地关系网广、响应快、价格极低；擅长运维外包和硬件集成；与设备、采购部门关系好。",
        "weaknesses": "自有产品能力弱，核心软件靠OEM或外包开发；大型项目交付经验不足；信创名录与CMMI等资质不全。",
        "events": [
            {"date": "2026-05-08", "text": "取得某国产终端品牌省级总代理资格，主推信创云桌面"},
            {"date": "2026-09-01", "text": "以低于市场价约30%的报价中标临澜市某区县医院运维外包"},
            {"date": "2026-11-12", "text": "在江南能源集团EAM项目报价480万元，明显低于市场水平"},
        ],
    },
    {
        "id": "k-zhilian",
        "name": "智联方舟",
        "info": "2018年成立的工业互联网与AI创业公司，员工约350人，已完成B+轮融资。主攻设备IoT监测、AI视频分析与医疗数据治理。",
        "partners": ["澄江传感器科技", "清和医疗数据研究院"],
        "strengths": "IoT与AI算法领先，单点场景效果直观；愿意免费试点；一线生产人员口碑好，决策快、姿态低。",
        "weaknesses": "平台化与集团管控能力弱，大型项目交付经验少；现金流压力大，2026年裁员约15%；售后服务网点覆盖不足。",
        "events": [
            {"date": "2026-06-15", "text": "完成B+轮融资2亿元"},
            {"date": "2026-08-30", "text": "传出裁员消息，华东交付团队缩减约三分之一"},
            {"date": "2026-10-18", "text": "在江南能源青湾发电免费部署IoT振动监测试点"},
            {"date": "2026-11-09", "text": "临澜市中心医院临床数据中心项目未中标"},
        ],
    },
    {
        "id": "k-jinghong",
        "name": "景泓医疗信息",
        "info": "区域医疗信息化厂商，本省约60家医院客户；临澜市中心医院现有HIS、EMR的供应商。",
        "partners": ["华康医疗设备"],
        "strengths": "HIS/EMR存量优势，掌握接口与数据字典，信息中心日常运维依赖其服务；熟悉医院流程。",
        "weaknesses": "数据平台与科研产品弱；接口开放收费高，院方不满；互联网医院产品体验一般。",
        "events": [
            {"date": "2026-02-20", "text": "HIS升级到V6，同时上调第三方接口授权收费标准"},
            {"date": "2026-09-10", "text": "在临澜市中心医院CDR项目中提出单独收取接口授权费"},
            {"date": "2026-11-15", "text": "推出互联网医院2.0，捆绑HIS维保一起销售"},
        ],
    },
]

# ---------------------------------------------------------------------------
# Accounts: people are written one per line
#   num | name | title | department | manager | dotted managers | orientation |
#   attitude | influence | circles (first = primary) | leans_to | notes
# ---------------------------------------------------------------------------

BANK_CIRCLES = [
    ("chair", "董事长嫡系（改革派）"),
    ("president", "行长派（本土稳健派）"),
    ("tech", "科技条线"),
    ("biz", "业务条线"),
    ("risk", "风控合规圈"),
]

BANK_PEOPLE = """
001|顾振华|党委书记、董事长|董事会|||bal|0|H|chair||2024年由省联社调任，推动“数字鸿远2026–2028”规划，喜欢对标股份制银行；我方尚未直接接触。
002|沈国平|党委副书记、行长|行领导|001||prag|0|H|president||本行成长起来的老行长，稳健务实，最关心投产风险与成本。
003|王建国|副行长（分管信息科技、运营）|行领导|002||ppr|0|H|president,tech|shuheng|分管科技十余年，现有集中式核心由他主持建设，对数衡有感情，担心迁移出事。
004|刘志强|副行长（分管公司、零售业务）|行领导|002||prag|0|H|president,biz||关注新产品上市速度，对科技项目不深究技术。
005|黄丽萍|副行长、首席风险官|行领导|002||pro|0|H|risk||风控出身，对信息安全与监管合规要求严格。
006|陈卫东|首席信息官（CIO）|行领导|003|001|pro|+|H|chair,tech||2025年由董事长从某股份制银行引进，主张分布式、云原生转型，是核心改造的推动者。
007|赵敏|财务总监、计划财务部总经理|计划财务部|002||prag|0|H|president||预算把关严格，要求TCO测算。
008|孙立军|董事会办公室主任|董事会办公室|001||bal|?|M|chair|yunqing|董事长身边人，云擎科技的高层互访由他安排。
009|李海峰|信息科技部总经理|信息科技部|006||pp|+|H|tech||技术出身，认可我方分布式架构，但要同时向陈卫东和王建国交代。
010|周斌|信息科技部副总经理（分管开发）|信息科技部|009||pro|+|M|tech||
011|吴强|信息科技部副总经理（分管运维）|信息科技部|009||prag|-|M|tech,president|shuheng|运维出身，与数衡驻场团队合作十年，担心迁移风险，是王建国的老部下。
012|郑晓燕|架构管理处处长|信息科技部|010||pro|++|M|tech,chair||我方内线（内部消息来源），参加过我方在同业的技术交流，认同单元化架构。
013|钱鹏|应用开发一处处长（核心与支付）|信息科技部|010||pro|0|M|tech||核心系统的业务专家，要求看到POC数据。
014|冯涛|应用开发二处处长（渠道与中间业务）|信息科技部|010||pp|+|L|tech||
015|许文杰|系统运维处处长|信息科技部|011||prag|-|M|tech,president|shuheng|对迁移风险顾虑大，参观同业样板后有所松动。
016|何志明|信息安全处处长|信息科技部|009|005|pro|0|M|tech,risk||同时向首席风险官汇报信息安全事项。
017|马骁|测试中心主任|信息科技部|010||pro|?|L|tech||
018|杨帆|核心系统架构师|信息科技部|012||pro|+|L|tech||
019|林晨|高级工程师（核心系统）|信息科技部|013||pro|?|L|||
020|胡佳|高级工程师（支付清算）|信息科技部|013||?|?|L|||
021|韩磊|工程师（渠道系统）|信息科技部|014||?|?|L|||
022|唐宇|运维工程师|信息科技部|015||prag|-|L|||
023|曹颖|安全工程师|信息科技部|016||pro|0|L|||
024|邓凯|数据库管理员（DBA）|信息科技部|015||pro|?|L|||
025|彭博|测试工程师|信息科技部|017||?|?|?|||
026|蒋文华|数据管理部总经理|数据管理部|003|006|pp|+|M|tech,risk||监管报送平台的牵头人。
027|宋雅琴|数据管理部副总经理|数据管理部|026||pro|0|M|risk||
028|谢飞|监管报送科科长|数据管理部|027||pro|+|L|risk,tech||监管报送项目的内线，熟悉报表口径。
029|田野|数据治理科科长|数据管理部|027||pro|?|L|||
030|潘小梅|数据分析师|数据管理部|029||?|?|?|||
031|罗杰|报送专员|数据管理部|028||prag|0|L|||
032|叶建平|运营管理部总经理|运营管理部|003||prag|0|M|president,biz||
033|范丽|运营管理部副总经理|运营管理部|032||bal|?|L|||
034|高俊|计划财务部副总经理|计划财务部|007||prag|0|M|president||
035|严红|预算管理科科长|计划财务部|034||pro|?|L|||
036|魏东升|集中采购中心主任|集中采购中心|002|007|prag|0|M|president||商务评审牵头人，强调价格与合规。
037|邱敏|采购主管|集中采购中心|036||?|?|L|||
038|程刚|风险管理部总经理|风险管理部|005||pro|0|M|risk||
039|贾琳|合规与内控部总经理|合规与内控部|005||pro|+|M|risk||监管报送项目的共同牵头部门负责人。
040|龚晓东|监管联络科科长|合规与内控部|039||prag|?|L|risk||
041|袁振宇|零售金融部总经理|零售金融部|004||prag|+|M|biz||抱怨新产品上线要三个月，是核心改造业务价值的代言人。
042|陆佳音|公司金融部总经理|公司金融部|004||prag|?|M|biz|beichen|公司业务系统由北辰信息集成，与其关系好。
043|江涛|金融科技创新实验室主任|金融科技创新实验室|006|041|pro|++|L|chair,tech||
044|汪洋|渠道创新专员|金融科技创新实验室|043||?|?|?|||
045|秦玉|行长办公室主任|办公室|002||bal|0|M|president||
046|苏明|审计部总经理|审计部|001||pro|?|M|risk||
047|侯亮|信创推进办公室主任|信息科技部|009|006|pp|+|L|tech||云桌面试点的具体负责人。
"""

BANK_INFLUENCES = [
    (12, 9, 2), (9, 6, 3), (6, 1, 2), (1, 2, 3), (3, 2, 3), (11, 3, 3), (15, 11, 2),
    (8, 1, 1), (26, 3, 2), (28, 26, 2), (39, 5, 2), (5, 2, 2), (7, 2, 3), (36, 7, 1),
    (41, 4, 2), (43, 6, 2), (10, 9, 2), (16, 5, 1), (47, 9, 1), (13, 10, 1),
]

ENERGY_CIRCLES = [
    ("hq", "集团机关（董事长圈）"),
    ("prod", "生产系统（电厂派）"),
    ("digital", "数字化转型派"),
    ("fin", "财务系统"),
]

ENERGY_PEOPLE = """
001|许国栋|党委书记、董事长|集团领导|||bal|?|H|hq||省国资委派任，重大项目由党委会决策；我方至今未接触。
002|周振宇|董事、总经理|集团领导|001||prag|+|H|hq,digital||“智慧能源2027”的主推者，要求EAM在2027年6月前两厂上线。
003|钱永康|副总经理（分管生产、安全）|集团领导|002||prag|-|H|prod|zhilian|电厂厂长出身，青湾发电的IoT试点是他批的。
004|孔令华|总会计师|集团领导|002||pro|0|H|fin|shuheng|财务共享一期由他主导，与数衡合作顺畅。
005|张卫平|副总经理（分管数字化、战略）|集团领导|002||pp|+|H|digital,hq||EAM项目的决策者，要求“集团两级管控”。
006|曾庆丰|总工程师|集团领导|002||pro|0|H|prod||技术权威，关注预测性维护与设备可靠性。
007|陶明|数字化管理部（信息中心）主任|数字化管理部|005||pp|+|M|digital||
008|方磊|数字化管理部副主任|数字化管理部|007||pro|+|M|digital||
009|金晓峰|应用管理科科长|数字化管理部|008||pro|++|L|digital||我方内线（内部消息来源），EAM项目的具体经办人。
010|石磊|网络与安全科科长|数字化管理部|008||pro|?|L|digital||
011|姚倩|数据管理科科长|数字化管理部|008||pro|0|L|digital||
012|蔡俊|系统工程师（EAM）|数字化管理部|009||pro|+|L|||
013|戴雯|系统工程师（ERP）|数字化管理部|009||?|?|L|||
014|任飞|网络安全工程师|数字化管理部|010||?|?|L|||
015|段立新|生产技术部主任|生产技术部|006|003|prag|-|H|prod|zhilian|认为“平台太重，先把IoT监测用起来”。
016|卢建军|生产技术部副主任|生产技术部|015||prag|?|M|prod||
017|白宏伟|设备管理处处长|生产技术部|016||ppr|++|M|prod,digital||EAM需求的业务牵头人，认可“点检-检修-备件”闭环。
018|夏勇|点检主管|生产技术部|017||prag|?|L|prod||
019|熊伟|设备工程师|生产技术部|017||?|?|L|||
020|万俊杰|安全环保部主任|安全环保部|003||prag|0|M|prod||
021|雷鸣|安全监察处处长|安全环保部|020||prag|?|L|prod||
022|常红梅|财务部主任|财务部|004||pro|--|M|fin|shuheng|财务共享一期的业务负责人，公开表示“没必要换系统”。
023|黎静|财务共享中心主任|财务部|022||pp|0|M|fin,digital||认可我方费用机器人，但不愿与常红梅正面冲突。
024|史晓丽|会计核算科科长|财务部|023||prag|?|L|fin||
025|贺敏|资金管理科科长|财务部|022||?|?|L|fin||
026|顾建华|物资采购部（招标采购中心）主任|物资采购部|002|004|prag|0|M|hq||
027|毛志刚|招标管理处处长|物资采购部|026||prag|?|L|hq||
028|郝雪|招标专员|物资采购部|027||?|?|?|||
029|邵华|战略规划部主任|战略规划部|005||bal|+|M|hq,digital||
030|邹凯|集团办公室主任|集团办公室|001||bal|0|M|hq||
031|尹志远|审计部主任|审计部|001||pro|?|M|hq||
032|杜宏斌|青湾发电有限公司总经理|青湾发电|003||prag|-|H|prod|zhilian|IoT试点所在电厂的一把手。
033|柳承志|青湾发电副总经理（生产）|青湾发电|032||prag|?|M|prod||
034|沈浩|青湾发电设备部经理|青湾发电|033|017|prag|+|L|prod||业务上同时接受集团设备管理处指导。
035|严冬|青湾发电值长|青湾发电|033||?|?|?|||
036|廖文斌|石塘热电有限公司总经理|石塘热电|003||prag|?|M|prod||
037|覃刚|石塘热电设备部经理|石塘热电|036||?|?|L|||
038|孟庆|新能源公司总经理|新能源公司|002||pp|0|M|digital||
039|章文|新能源公司信息主管|新能源公司|038||pro|?|L|digital||
040|易红|人力资源部主任|人力资源部|002||bal|?|M|hq||
041|洪涛|安全生产监控中心主任|安全环保部|020||prag|0|L|prod||视频监控项目的业务对接人。
042|祁峰|青湾发电安全环保部经理|青湾发电|033|020|prag|?|L|prod||
"""

ENERGY_INFLUENCES = [
    (5, 2, 3), (2, 1, 2), (3, 2, 2), (6, 3, 2), (15, 6, 2), (32, 3, 3), (17, 15, 2),
    (9, 7, 2), (7, 5, 3), (4, 2, 2), (22, 4, 3), (23, 22, 1), (26, 4, 1), (29, 5, 2),
    (34, 32, 1), (20, 3, 2),
]

HOSP_CIRCLES = [
    ("admin", "院办行政圈"),
    ("clinical", "临床专家圈"),
    ("research", "科研圈"),
    ("digital", "智慧医院建设小组"),
]

HOSP_PEOPLE = """
001|韦志诚|党委书记|院领导|||bal|0|H|admin||
002|罗文斌|院长|院领导|001||pp|+|H|research,admin||心内科专家出身，推动研究型医院建设，CDR项目的批准者。
003|梁淑芬|副院长（分管医疗）|院领导|002||pro|0|H|clinical||
004|谭建新|副院长（分管信息、后勤、设备）|院领导|002||prag|0|H|admin|jinghong|HIS由他主持引进，担心新系统与景泓HIS的兼容性。
005|葛丽|总会计师|院领导|002||pro|?|M|admin||
006|庞磊|信息中心主任|信息中心|004|002|pp|++|M|digital,admin||与我方合作多年（运维服务），受院长直接指派推进智慧医院建设。
007|石晓东|信息中心副主任|信息中心|006||pro|+|M|digital||
008|卞雨|数据工程师|信息中心|007||pro|+|L|digital||
009|温凯|系统工程师（HIS）|信息中心|007||prag|-|L||jinghong|日常依赖景泓支持，对接口开放有抵触。
010|官静|网络工程师|信息中心|007||?|?|L|||
011|闻一鸣|软件工程师|信息中心|007||?|?|?|||
012|倪红霞|医务处处长|医务处|003||prag|0|M|clinical,admin||
013|柏林|质控科科长|医务处|012||pro|?|L|clinical||
014|单海燕|护理部主任|护理部|003||prag|0|M|clinical||
015|宁志坚|科研处处长|科研处|002||pro|++|M|research,digital||CDR需求的提出者，我方内线（内部消息来源）。
016|甘露|科研秘书|科研处|015||?|?|L|research||
017|车俊|心内科主任|心内科|003||pro|+|H|clinical,research||院长的学生，心血管专病库的主要用户。
018|乔卫国|肿瘤科主任|肿瘤科|003||pro|0|H|clinical,research|zhilian|与智联方舟合作过影像AI课题。
019|祝红|急诊科主任|急诊科|003||prag|?|M|clinical||
020|包文涛|门诊部主任|门诊部|003||prag|+|M|clinical,digital||互联网医院的业务牵头人。
021|应晓晴|设备处处长|设备处|004||prag|-|M|admin|beichen|
022|霍建|财务处处长|财务处|005||pro|0|M|admin||
023|阮玲|招标采购办主任|招标采购办|004||prag|0|M|admin||
024|鲍雷|后勤保障处处长|后勤保障处|004||prag|?|L|admin||
025|窦娟|院办主任|院办|001||bal|+|M|admin||
026|章立|病案统计科科长|医务处|012||pro|+|L|clinical,research||
027|项宁|心内科副主任|心内科|017||pro|+|L|clinical,research||
028|阎明|信息安全专员|信息中心|007||?|?|?|||
"""

HOSP_INFLUENCES = [
    (2, 1, 2), (6, 4, 2), (15, 2, 3), (17, 2, 3), (4, 2, 1), (7, 6, 2), (21, 4, 2),
    (23, 4, 1), (18, 3, 2), (20, 3, 1), (5, 2, 2), (12, 3, 2), (26, 15, 1),
]

EMAILS = {
    ("bank", 6): "chenweidong@hongyuan-bank.example",
    ("bank", 9): "lihaifeng@hongyuan-bank.example",
    ("bank", 12): "zhengxiaoyan@hongyuan-bank.example",
    ("bank", 26): "jiangwenhua@hongyuan-bank.example",
    ("bank", 28): "xiefei@hongyuan-bank.example",
    ("energy", 7): "taoming@jiangnan-energy.example",
    ("energy", 9): "jinxiaofeng@jiangnan-energy.example",
    ("energy", 17): "baihongwei@jiangnan-energy.example",
    ("hosp", 6): "panglei@linlan-hospital.example",
    ("hosp", 15): "ningzhijian@linlan-hospital.example",
}


def pid(acc, num):
    return f"p-{acc}-{num:03d}"


def parse_people(acc, table):
    people = []
    for line in table.strip().splitlines():
        f = line.split("|")
        assert len(f) == 12, line
        num, name, title, dept, mgr, dotted, ori, att, infl, circles, leans, notes = f
        n = int(num)
        circle_ids = [f"c-{acc}-{c}" for c in circles.split(",") if c]
        person = {
            "id": pid(acc, n),
            "name": name,
            "title": title,
            "department": dept,
            "manager": pid(acc, int(mgr)) if mgr else None,
            "dotted_managers": [pid(acc, int(d)) for d in dotted.split(",") if d],
            "orientation": ORIENT[ori],
            "attitude": ATT[att],
            "influence": INFL[infl],
            "circles": circle_ids,
            "primary_circle": circle_ids[0] if circle_ids else None,
            "leans_to": COMP[leans] if leans else None,
            "notes": notes,
        }
        if (acc, n) in EMAILS:
            person["email"] = EMAILS[(acc, n)]
        people.append(person)
    return people


# ---------------------------------------------------------------------------
# Activities (§3.8)
#   (date, type, status, deal or None, [person nums], [our people], summary, addresses, outcome)
# ---------------------------------------------------------------------------

BANK_ACTIVITIES = [
    ("2026-06-18", "visit", "done", None, [9], [AM_BANK],
     "拜访信息科技部李海峰总经理，了解“数字鸿远”规划中的核心系统改造计划",
     "验证商机：核心系统改造是否真实立项", "确认现有核心2027年底维保到期，行内已启动前期调研"),
    ("2026-07-09", "tech_exchange", "done", "d-bank-core", [9, 10, 12, 13, 18], [PRE_BANK, TECH_CORE, AM_BANK],
     "分布式核心架构技术交流：产品工厂、单元化部署、信创全栈适配",
     "需求分析：摸清科技条线的架构偏好", "架构处郑晓燕对单元化方案兴趣很大，约定继续交流资料"),
    ("2026-07-23", "dinner", "done", "d-bank-core", [12], [AM_BANK],
     "与架构管理处郑晓燕处长晚餐，交流同业分布式核心建设见闻",
     "培养内部支持者", "郑处长愿意在技术评估中及时同步信息"),
    ("2026-08-06", "meeting", "done", "d-bank-core", [6, 9], [AM_BANK, SALES_DIRECTOR],
     "拜访CIO陈卫东，汇报同业城商行分布式核心投产案例",
     "高层拜访，强化决策者信心", "陈卫东认可分布式方向，要求提供信创适配清单与性能报告"),
    ("2026-08-20", "email", "done", "d-bank-core", [12, 18], [PRE_BANK],
     "发送信创适配清单与第三方性能测试报告",
     "回应CIO关注的信创适配问题", "杨帆回复已转架构组内部评审"),
    ("2026-08-27", "visit", "done", None, [41], [AM_BANK],
     "拜访零售金融部袁振宇总经理，了解新产品上市的痛点",
     "聚焦客户未被满足的业务痛点", "零售部反映新产品上线平均要3个月，可作为核心改造的业务价值论据"),
    ("2026-09-03", "call", "done", "d-bank-data", [28], [AM_BANK],
     "电话了解EAST与“一表通”监管报送改造进展",
     "验证商机", "谢飞透露数据管理部已申报2026年度专项预算"),
    ("2026-09-10", "visit", "done", "d-bank-data", [26, 28], [AM_BANK, PRE_BANK],
     "拜访数据管理部蒋文华总经理，介绍监管数据报送平台",
     "验证商机：确认监管时间表与预算", "确认新版报送标准2027年1月起执行，需年底前上线"),
    ("2026-09-17", "tech_exchange", "done", "d-bank-core", [9, 10, 11, 13, 15], [TECH_CORE, PRE_BANK],
     "分布式核心迁移方案交流（双核并行、分批迁移、可回退）",
     "运维条线对迁移风险的顾虑", "吴强、许文杰仍担心迁移风险，要求看到同业投产证明"),
    ("2026-09-24", "meeting", "done", "d-bank-data", [26, 27, 28, 39], [PRE_BANK, AM_BANK],
     "监管报送需求调研会",
     "需求分析：摸清报表口径问题", "梳理出126个报表口径问题，我方规则库覆盖约92%"),
    ("2026-09-28", "visit", "done", "d-bank-core", [9, 12], [AM_BANK],
     "节前拜访信息科技部，了解竞争对手动向",
     "竞争情报", "得知云擎科技已通过董办提出高层互访请求"),
    ("2026-10-08", "email", "done", None, [45], [AM_BANK],
     "向行长办公室发送年度客户满意度回访函",
     "客户关系日常维护", "办公室已回函，运维服务满意度“良好”"),
    ("2026-10-12", "demo", "done", "d-bank-core", [9, 10, 12, 13, 18, 19], [TECH_CORE, PRE_BANK, AM_BANK],
     "产品工厂与账户单元化演示",
     "集中展示核心优势，直接对比竞争对手", "技术人员评价积极，钱鹏要求安排POC实测"),
    ("2026-10-14", "demo", "done", "d-bank-data", [28, 29, 31, 40], [PRE_BANK],
     "监管报送平台演示：一键校验与数据血缘追溯",
     "展示规则库与校验能力", "报送人员认为校验规则比现有数衡系统易用"),
    ("2026-10-16", "meeting", "done", "d-bank-vdi", [9, 47], [AM_BANK],
     "与信创推进办对接云桌面试点需求",
     "验证商机", "确认试点300终端、年底前完成验收"),
    ("2026-10-21", "call", "done", "d-bank-core", [12], [AM_BANK],
     "郑晓燕来电：云擎科技董事长将于次日拜访顾振华董事长",
     "竞争情报", "及时调整，申请我方副总裁高层拜访"),
    ("2026-10-23", "dinner", "done", "d-bank-core", [6], [SALES_DIRECTOR, AM_BANK],
     "与CIO陈卫东晚宴，沟通高层互访安排",
     "高层拜访，强化决策者信心", "陈卫东同意牵线行长会面，董事长层面需董办安排"),
    ("2026-10-27", "site_visit", "done", "d-bank-core", [10, 12, 13, 15], [AM_BANK, TECH_CORE],
     "组织客户参观某城商行分布式核心生产中心（同业样板）",
     "弱化运维条线的迁移风险顾虑", "许文杰态度有所松动，认可双核并行的回退机制"),
    ("2026-10-29", "meeting", "done", "d-bank-vdi", [47, 15, 24], [PRE_BANK],
     "云桌面试点方案评审",
     "以试点项目切入", "运维要求与现有终端管理平台对接，需补充方案"),
    ("2026-11-03", "tech_exchange", "done", "d-bank-core", [9, 12, 13, 16, 18], [TECH_CORE],
     "POC启动会，确认测试用例与信创测试环境",
     "用POC数据打消性能疑虑", "确认2万TPS性能指标与国产数据库环境"),
    ("2026-11-04", "meeting", "done", "d-bank-data", [36, 28], [BID],
     "投标文件澄清会（招标文件已于11月2日发布）",
     "组织投标", "澄清评分细则：技术分占60%"),
    ("2026-11-06", "visit", "done", "d-bank-core", [2, 6], [VP, SALES_DIRECTOR, AM_BANK],
     "我方副总裁欧阳明拜访沈国平行长与陈卫东CIO",
     "高层拜访，强化决策者信心", "行长关注投产风险与成本，同意“分期交付”的思路"),
    ("2026-11-10", "meeting", "done", "d-bank-data", [36, 26], [BID, AM_BANK, PRE_BANK],
     "开标与述标",
     "组织投标", "技术分排名第一，商务分略低于数衡软件"),
    ("2026-11-12", "email", "done", "d-bank-core", [9, 12], [TECH_CORE],
     "提交POC测试报告：峰值2.3万TPS，日终批处理28分钟",
     "用POC数据打消性能疑虑", "李海峰已转呈陈卫东"),
    ("2026-11-13", "call", "done", "d-bank-core", [3], [AM_BANK],
     "电话向王建国副行长汇报POC结果",
     "防守负向决策者", "王副行长表示“还要听听运维的意见”"),
    ("2026-11-17", "visit", "done", "d-bank-core", [11, 15], [AM_BANK, DELIVERY],
     "拜访运维条线，说明迁移回退与双轨运行保障",
     "防守负向评估者", "吴强仍保留意见，要求数衡参与数据迁移"),
    ("2026-11-19", "meeting", "done", "d-bank-data", [26, 28, 39], [AM_BANK],
     "评标结果沟通",
     "跟进评标", "评标委员会汇总中，预计12月初公示"),
    ("2026-11-20", "visit", "done", "d-bank-vdi", [9, 47], [AM_BANK, PRE_BANK],
     "云桌面试点范围确认",
     "拆分标包，争取优势部分", "试点范围增加50个分行柜面终端"),
    ("2026-11-24", "call", "done", "d-bank-core", [12], [AM_BANK],
     "郑晓燕反馈：数衡提出“免费升级+迁移服务”",
     "竞争情报", "价值主张需强调5年TCO与信创合规"),
    ("2026-11-25", "meeting", "done", "d-bank-core", [9, 10, 12], [PRE_BANK],
     "协助信息科技部起草技术规范书初稿",
     "引入新的评估标准，改变竞争规则", "“双核并行迁移能力”“信创全栈适配”写入评分项草稿"),
    ("2026-12-01", "dinner", "planned", "d-bank-core", [8], [AM_BANK],
     "与董办孙立军主任晚餐",
     "补齐董办关系，了解董事长关注点", ""),
    ("2026-12-02", "visit", "planned", "d-bank-core", [1, 6], [VP, SALES_DIRECTOR],
     "拜访顾振华董事长（经董办安排）",
     "高层拜访：抵消云擎科技高层互访的影响", ""),
    ("2026-12-04", "tech_exchange", "planned", "d-bank-core", [3, 11, 15, 24], [TECH_CORE, DELIVERY],
     "与运维条线专题研讨：数据迁移与回退演练方案",
     "防守王建国、吴强的负向态度", ""),
    ("2026-12-09", "meeting", "planned", "d-bank-data", [26, 28], [AM_BANK, DELIVERY],
     "中标后项目启动筹备会",
     "提前锁定实施资源", ""),
]

ENERGY_ACTIVITIES = [
    ("2026-06-25", "visit", "done", None, [7], [AM_ENERGY],
     "拜访数字化管理部（信息中心）陶明主任，了解“智慧能源2027”规划",
     "验证商机", "EAM平台、财务共享二期列入明年重点项目"),
    ("2026-07-15", "meeting", "done", "d-energy-fssc", [22, 23], [AM_ENERGY, PRE_ENERGY],
     "财务共享中心二期需求沟通",
     "需求分析", "常红梅明确表示一期数衡系统运行稳定，倾向延续"),
    ("2026-07-29", "tech_exchange", "done", "d-energy-eam", [7, 8, 9, 17], [PRE_ENERGY, TECH_DATA],
     "设备资产管理（EAM）技术交流：点检-检修-备件闭环",
     "需求分析", "白宏伟认可移动点检与备件集团联储"),
    ("2026-08-12", "site_visit", "done", "d-energy-eam", [17, 34, 18], [AM_ENERGY, PRE_ENERGY],
     "青湾发电现场调研设备管理流程",
     "聚焦客户未被满足的业务痛点", "发现缺陷管理与两票系统割裂、备件库存周转慢"),
    ("2026-08-26", "dinner", "done", "d-energy-eam", [9], [AM_ENERGY],
     "与应用管理科金晓峰科长晚餐",
     "培养内部支持者", "金晓峰愿意同步项目内部进展"),
    ("2026-09-02", "visit", "done", None, [29], [AM_ENERGY],
     "拜访战略规划部邵华主任",
     "了解集团数字化规划", "获得集团数字化三年规划摘要"),
    ("2026-09-09", "visit", "done", "d-energy-eam", [5, 7], [AM_ENERGY, SALES_DIRECTOR],
     "拜访张卫平副总经理，汇报EAM价值方案",
     "高层拜访，强化决策者信心", "张副总要求方案体现“集团两级管控”"),
    ("2026-09-16", "demo", "done", "d-energy-fssc", [23, 24], [PRE_ENERGY],
     "财务共享二期方案演示（费用机器人、智能审单）",
     "集中展示核心优势", "黎静认可费用机器人；常红梅未出席"),
    ("2026-09-23", "call", "done", "d-energy-eam", [9], [AM_ENERGY],
     "金晓峰告知集团数字化专项预算已上总经理办公会",
     "确认必要事件", "EAM预算口径800万元"),
    ("2026-10-09", "tech_exchange", "done", "d-energy-eam", [6, 15, 17, 9], [TECH_DATA, PRE_ENERGY],
     "与总工程师曾庆丰、生产技术部交流设备可靠性分析（RCM）",
     "争取技术权威", "曾总关注预测性维护；段立新提到智联方舟的IoT试点"),
    ("2026-10-16", "meeting", "done", "d-energy-safety", [41, 20], [CHANNEL],
     "与合作伙伴苏安智能共同拜访安全环保部，完成合作伙伴报备",
     "合作伙伴报备", "报备通过，保护期6个月"),
    ("2026-10-20", "call", "done", "d-energy-eam", [9], [AM_ENERGY],
     "金晓峰告知：智联方舟在青湾发电免费部署IoT振动监测试点",
     "竞争情报", "调整策略：强调平台与开放接入，而非单点监测"),
    ("2026-10-22", "meeting", "done", "d-energy-fssc", [4, 22, 23, 26], [AM_ENERGY, BID],
     "财务共享二期招标文件答疑",
     "组织投标", "评分标准明显偏向“与一期系统的延续性”"),
    ("2026-10-28", "demo", "done", "d-energy-eam", [7, 8, 9, 12, 17, 34], [PRE_ENERGY, TECH_DATA],
     "EAM平台演示：移动点检、检修工单、备件联储",
     "集中展示核心优势", "演示效果好，白宏伟提议把闭环要求写进技术规范"),
    ("2026-11-03", "meeting", "done", "d-energy-fssc", [26, 27], [BID],
     "财务共享二期开标",
     "组织投标", "数衡报价低于我方约18%"),
    ("2026-11-05", "site_visit", "done", "d-energy-eam", [5, 7, 17, 15], [AM_ENERGY, SALES_DIRECTOR, VP],
     "组织参观我方在邻省某能源集团的样板电厂",
     "组织客户参观样板电厂，改变评估标准", "张卫平当场表示“这才是两级管控”；段立新态度有所缓和"),
    ("2026-11-11", "site_visit", "done", "d-energy-safety", [37, 41], [CHANNEL],
     "与苏安智能到石塘热电现场勘查摄像点位",
     "需求确认", "确认接入约120路视频"),
    ("2026-11-12", "email", "done", "d-energy-fssc", [23], [AM_ENERGY],
     "收到财务共享二期中标结果通知：数衡软件中标",
     "中标结果", "丢单，启动复盘"),
    ("2026-11-13", "meeting", "done", "d-energy-eam", [7, 9, 17, 26], [PRE_ENERGY],
     "协助起草EAM技术规范书",
     "引入新的评估标准，改变竞争规则", "“集团两级管控”“点检-检修-备件闭环”“开放IoT接入”写入技术规范"),
    ("2026-11-17", "call", "done", "d-energy-eam", [9], [AM_ENERGY],
     "金晓峰：北辰信息报价480万元，采购部有压价倾向",
     "竞争情报", "准备分两期报价方案"),
    ("2026-11-19", "visit", "done", "d-energy-eam", [2, 5], [VP, AM_ENERGY],
     "拜访周振宇总经理",
     "高层拜访，强化决策者信心", "总经理重申2027年6月前两厂上线，要求报价务实"),
    ("2026-11-20", "dinner", "done", "d-energy-eam", [17, 9], [AM_ENERGY],
     "与白宏伟、金晓峰晚餐",
     "了解决策链最新动态", "钱永康副总仍倾向智联方舟，但同意听取平台接入方案"),
    ("2026-11-24", "tech_exchange", "done", "d-energy-eam", [6, 17, 33, 34], [TECH_DATA],
     "与总工程师、青湾发电交流预测性维护与IoT数据接入",
     "化解生产系统对“平台太重”的顾虑", "曾庆丰同意在技术规范中增加“开放接入第三方IoT数据”"),
    ("2026-11-30", "meeting", "planned", "d-energy-fssc", [23], [AM_ENERGY],
     "财务共享二期丢单复盘回访",
     "保持关系，为下一个项目布局", ""),
    ("2026-12-03", "visit", "planned", "d-energy-eam", [3, 32], [VP, AM_ENERGY],
     "拜访钱永康副总经理与青湾发电杜宏斌总经理",
     "防守负向决策者：说明IoT试点可接入我方平台", ""),
    ("2026-12-08", "meeting", "planned", "d-energy-eam", [26, 27], [BID, AM_ENERGY],
     "招标文件发布前的商务沟通",
     "组织投标准备", ""),
    ("2026-12-10", "visit", "planned", "d-energy-eam", [1], [VP, SALES_DIRECTOR],
     "拜访许国栋董事长",
     "批准者尚未接触", ""),
]

HOSP_ACTIVITIES = [
    ("2026-06-10", "visit", "done", None, [6], [AM_HOSP],
     "拜访信息中心庞磊主任，年度运维服务回访",
     "客户关系维护", "了解到科研处希望建设临床数据中心"),
    ("2026-07-02", "meeting", "done", "d-hosp-cdr", [15, 6, 17], [AM_HOSP, PRE_HOSP],
     "临床数据中心（CDR）需求交流",
     "需求分析", "科研处需要心血管、肿瘤两个专病库"),
    ("2026-07-21", "demo", "done", "d-hosp-cdr", [6, 7, 8, 15, 27], [PRE_HOSP, TECH_DATA],
     "CDR与科研数据平台演示",
     "集中展示核心优势", "心内科团队反馈很好"),
    ("2026-08-18", "visit", "done", "d-hosp-cdr", [2, 15], [SALES_DIRECTOR, AM_HOSP],
     "拜访罗文斌院长",
     "高层拜访，强化决策者信心", "院长要求2027年上半年评级迎检前上线"),
    ("2026-09-08", "tech_exchange", "done", "d-hosp-cdr", [6, 7, 8, 9], [TECH_DATA],
     "与HIS接口对接技术交流",
     "HIS厂商接口壁垒", "温凯对接口开放有抵触，称需景泓授权"),
    ("2026-09-29", "meeting", "done", "d-hosp-cdr", [4, 6], [AM_HOSP],
     "拜访谭建新副院长，汇报方案与预算",
     "争取中立的决策者", "谭副院长担心与景泓HIS的兼容性"),
    ("2026-10-13", "site_visit", "done", "d-hosp-cdr", [4, 6, 15], [AM_HOSP, PRE_HOSP],
     "参观我方在某市三甲医院的CDR项目",
     "用样板打消兼容性顾虑", "谭建新态度转为中立偏积极"),
    ("2026-10-20", "dinner", "done", "d-hosp-cdr", [15, 17], [AM_HOSP],
     "与宁志坚处长、车俊主任晚餐",
     "巩固支持者", "科研处与心内科表态全力支持"),
    ("2026-10-27", "meeting", "done", "d-hosp-cdr", [23, 6], [BID],
     "招标文件答疑",
     "组织投标", "接口授权费由HIS厂商承担的条款写入招标文件"),
    ("2026-11-04", "call", "done", "d-hosp-ihosp", [20], [AM_HOSP],
     "门诊部包文涛主任来电咨询互联网医院处方流转",
     "验证商机", "预算尚未落实"),
    ("2026-11-09", "meeting", "done", "d-hosp-cdr", [23, 22], [BID, AM_HOSP],
     "开标：我方综合评分第一",
     "组织投标", "中标公示"),
    ("2026-11-16", "meeting", "done", "d-hosp-ops", [6, 7], [AM_HOSP, DELIVERY],
     "2027年度运维服务续约沟通",
     "巩固现有用户满意度，提高切换成本", "庞磊希望延续，但采购办要求比价（北辰报价更低）"),
    ("2026-11-18", "visit", "done", "d-hosp-ihosp", [20, 6], [AM_HOSP],
     "互联网医院需求初步沟通",
     "验证商机", "院里尚未正式立项"),
    ("2026-11-20", "meeting", "done", "d-hosp-cdr", [2, 4, 5, 23], [SALES_DIRECTOR, AM_HOSP],
     "CDR项目合同签订",
     "谈判签约", "合同签订，金额185万元"),
    ("2026-11-23", "email", "done", "d-hosp-ops", [23], [AM_HOSP],
     "发送运维续约报价与服务水平协议（SLA）",
     "提前锁定续约", "采购办已签收"),
    ("2026-12-01", "meeting", "planned", "d-hosp-cdr", [6, 7, 8], [DELIVERY, PRE_HOSP],
     "CDR项目实施启动会",
     "交付启动", ""),
    ("2026-12-05", "visit", "planned", "d-hosp-ihosp", [3], [AM_HOSP],
     "拜访梁淑芬副院长，了解互联网医院立项计划",
     "确认必要事件", ""),
]


# The seeded tactic library, exactly as a new workspace has it, so deals and
# activities that pick a library tactic match it.
LIBRARY_TACTICS = [(t["strategy"], t["text"]) for t in FRESH["tactics"]]
_LIBRARY_BY_TEXT = {t.replace(",", "，"): t for _, t in LIBRARY_TACTICS}


def library_text(text):
    """A library tactic written with full-width punctuation becomes the library's exact text."""
    return _LIBRARY_BY_TEXT.get(text, text)


def build_activities(acc, rows):
    out = []
    for i, (date, kind, status, deal, people, ours, summary, addresses, outcome) in enumerate(rows, 1):
        a = {
            "id": f"a-{acc}-{i:03d}",
            "date": date,
            "type": kind,
            "status": status,
            "deal": deal,
            "people": [pid(acc, n) for n in people],
            "summary": summary,
            "addresses": library_text(addresses),
        }
        if ours:
            a["our_people"] = list(ours)
        if outcome:
            a["outcome"] = outcome
        out.append(a)
    return out


def build_account(acc, name, industry, region, notes, circles, people, influences, activities):
    return {
        "id": f"acc-{acc}",
        "name": name,
        "industry": industry,
        "region": region,
        "notes": notes,
        "circles": [{"id": f"c-{acc}-{k}", "name": n} for k, n in circles],
        "people": parse_people(acc, people),
        "influences": [{"from": pid(acc, a), "to": pid(acc, b), "strength": s} for a, b, s in influences],
        "activities": build_activities(acc, activities),
    }


ACCOUNTS = [
    build_account(
        "bank", "鸿远银行股份有限公司", "金融·城市商业银行", "华东",
        "华东某省的城商行，总资产约4,200亿元，网点180余家。2024年新董事长到任后推出“数字鸿远2026–2028”科技规划。"
        "现有集中式核心系统由数衡软件于2013年建设，2027年底维保到期。政治格局：董事长引进的CIO陈卫东（改革派）"
        "与本行成长起来的行长、王建国副行长（稳健派）并存。我方为其现有渠道系统供应商。",
        BANK_CIRCLES, BANK_PEOPLE, BANK_INFLUENCES, BANK_ACTIVITIES,
    ),
    build_account(
        "energy", "江南能源集团有限公司", "能源·发电与综合能源", "华东",
        "省属国有能源集团，业务覆盖火电、热电、燃气与新能源，装机约1,200万千瓦，下属发电企业14家。"
        "“智慧能源2027”规划由总经理周振宇推动、数字化管理部（信息中心）牵头。生产系统（总工、生产技术部、电厂）"
        "话语权大，偏好务实、见效快的方案；重大项目由党委会决策。",
        ENERGY_CIRCLES, ENERGY_PEOPLE, ENERGY_INFLUENCES, ENERGY_ACTIVITIES,
    ),
    build_account(
        "hosp", "临澜市中心医院", "医疗卫生·三级甲等综合医院", "华东",
        "开放床位约2,200张，年门急诊量约260万人次。院长罗文斌心内科专家出身，推动研究型医院建设；"
        "现有HIS/EMR由景泓医疗信息提供。2027年上半年迎接电子病历五级与互联互通四级甲等测评。我方为现运维服务商。",
        HOSP_CIRCLES, HOSP_PEOPLE, HOSP_INFLUENCES, HOSP_ACTIVITIES,
    ),
]

# ---------------------------------------------------------------------------
# Deals (§2–3)
# ---------------------------------------------------------------------------

STAGES = {s["key"]: s["exit_checklist"] for s in FRESH["stages"]}  # as a new workspace has them
STAGE_ORDER = list(STAGES)


def checklist_through(last_stage, extra=()):
    """Every exit item of the stages up to and including last_stage, plus extra (stage, item) marks."""
    marks = []
    if last_stage:
        for s in STAGE_ORDER[: STAGE_ORDER.index(last_stage) + 1]:
            marks += [{"stage": s, "item": i} for i in STAGES[s]]
    marks += [{"stage": s, "item": i} for s, i in extra]
    return marks


def participants(acc, rows):
    return [
        {"person": pid(acc, n), "role": ROLE[r], "attitude": ATT[a], "relationship_strategy": rs}
        for n, r, a, rs in rows
    ]


def links(acc, rows):
    return [{"from": pid(acc, a), "to": pid(acc, b), "label": label} for a, b, label in rows]


def assessments(acc, parties, rows, who):
    """rows: (date, inside source num or None, [(fit, closeness) per party in `parties` order, None = not scored])."""
    out = []
    for date, inside, scores, *extra in rows:
        names = extra[0] if extra else who
        out.append({
            "date": date,
            "inside_source": pid(acc, inside) if inside else None,
            "participants": list(names),
            "scores": [
                {"party": p, "fit": s[0], "closeness": s[1]}
                for p, s in zip(parties, scores) if s is not None
            ],
        })
    return out


def quotes(rows):
    return [{"party": p, "date": d, "amount": a, "note": n} for p, d, a, n in rows]


def comparison(rows):
    return [{"aspect": a, "party": p, "note": n} for a, p, n in rows]


def coaching(rows):
    out = []
    for date, coach, elements, notes, actions in rows:
        out.append({
            "date": date,
            "coach": coach,
            "notes": notes,
            "actions": [{"text": t, "owner": o, "due": d, "done": done} for t, o, d, done in actions],
            "elements": list(elements),
        })
    return out


def requests(rows):
    return [
        {"requested_by": by, "department": dep, "what": what, "person_days": days, "status": st}
        for by, dep, what, days, st in rows
    ]


def deal(**kw):
    d = {
        "id": kw["id"],
        "account": kw["account"],
        "name": kw["name"],
        "amount": kw["amount"],
        "currency": "CNY",
        "stage": kw["stage"],
        "status": kw.get("status", "open"),
        "expected_close": kw.get("expected_close"),
        "grade_override": kw.get("grade_override"),
        "override_reason": kw.get("override_reason", ""),
        "partner_led": kw.get("partner_led", False),
        "partner_registration": kw.get("partner_registration"),
        "participants": kw.get("participants", []),
        "decision_links": kw.get("decision_links", []),
        "compelling_events": kw.get("compelling_events", []),
        "competitors": kw.get("competitors", []),
        "not_shortlisted": kw.get("not_shortlisted", False),
        "assessments": kw.get("assessments", []),
        "quotes": kw.get("quotes", []),
        "strategy": kw.get("strategy"),
        "tactics": [library_text(t) for t in kw.get("tactics", [])],
        "value_proposition": kw.get("value_proposition", {"solution": "", "business_value": "", "comparison": []}),
        "team": kw.get("team", []),
        "coaching": kw.get("coaching", []),
    }
    for ext in ("sales_mode", "resource_requests", "checklist"):
        if kw.get(ext):
            d[ext] = kw[ext]
    return d


def ce(description, kind, confirmed, assessed_on, evidence):
    return {"description": description, "kind": kind, "confirmed": confirmed,
            "assessed_on": assessed_on, "evidence": evidence}


YQ, SH, BC, ZL, JH = "k-yunqing", "k-shuheng", "k-beichen", "k-zhilian", "k-jinghong"
WHO_BANK = [AM_BANK, SALES_DIRECTOR]
WHO_ENERGY = [AM_ENERGY, SALES_DIRECTOR]
WHO_HOSP = [AM_HOSP, SALES_DIRECTOR]

DEALS = [
    # --- A: the flagship deal, the one training sessions walk through -------------------------
    deal(
        id="d-bank-core", account="acc-bank", name="鸿远银行新一代分布式核心系统建设项目",
        amount=18600000, stage="value_presentation", expected_close="2027-06-30",
        participants=participants("bank", [
            (1, "A", "?", None), (2, "D", "0", "attack"), (3, "D", "-", "defend"), (6, "D", "++", "motivate"),
            (7, "E", "0", None), (9, "E", "+", "balance"), (10, "E", "+", None), (11, "E", "-", "defend"),
            (12, "E", "++", "motivate"), (13, "E", "0", "attack"), (16, "E", "?", None), (36, "E", "?", None),
            (4, "E", "0", None), (15, "U", "-", "defend"), (18, "U", "+", None), (32, "U", "0", None),
            (41, "U", "+", "motivate"),
            (8, "?", "?", None),
        ]),
        decision_links=links("bank", [
            (12, 9, "推荐"), (13, 9, "汇报"), (10, 9, "汇报"), (11, 9, "汇报"), (11, 3, "私下施加影响"),
            (15, 11, "汇报"), (9, 6, "推荐"), (6, 2, "推荐"), (6, 1, "汇报"), (3, 2, "推荐"),
            (7, 2, "财务意见"), (36, 2, "商务评审结果"), (2, 1, "提交党委会"), (41, 4, "业务需求"),
        ]),
        compelling_events=[
            ce("现有数衡集中式核心系统维保2027年12月到期，原厂不再提供大版本升级", "deadline", True, "2026-11-14",
               "信息科技部提供的维保合同到期页；李海峰口头确认"),
            ce("董事会已批准《数字鸿远2026–2028科技规划》，核心系统改造预算1.2亿元（分三年）", "budget", True, "2026-10-10",
               "年报披露；郑晓燕提供的董事会决议摘要"),
            ce("省金融监管局要求2027年底前完成核心系统信创改造", "regulation", False, "2026-11-21",
               "仅在同业交流中听说，尚未见到正式文件"),
        ],
        competitors=[YQ, SH, BC],
        assessments=assessments("bank", ["us", YQ, SH, BC], [
            ("2026-09-22", None, [(6, 4), (7, 5), (7, 6), (4, 5)]),
            ("2026-09-29", None, [(6, 5), (7, 5), (7, 6), (4, 5)]),
            ("2026-10-10", 12, [(7, 5), (7, 5), (6, 6), (4, 4)], [AM_BANK, SALES_DIRECTOR, PRE_BANK]),
            ("2026-10-17", 12, [(7, 6), (7, 5), (6, 6), (4, 4)]),
            ("2026-10-24", 12, [(7, 6), (8, 8), (6, 6), (4, 4)]),
            ("2026-10-31", None, [(7, 6), (8, 8), (6, 7), (4, 4)]),
            ("2026-11-07", 12, [(8, 7), (8, 7), (5, 6), (4, 4)], [AM_BANK, SALES_DIRECTOR, PRE_BANK]),
            ("2026-11-14", 12, [(9, 7), (8, 7), (5, 6), (4, 4)]),
            ("2026-11-21", 12, [(9, 7), (8, 7), (6, 7), (4, 4)]),
        ], WHO_BANK),
        quotes=quotes([
            ("us", "2026-10-20", 21500000, "预算报价，含5年维保与信创软硬件适配"),
            (YQ, "2026-10-25", 17800000, "据内线消息，含三年金融云资源，核心交付由华信数智承担"),
            (SH, "2026-10-28", 15600000, "延续集中式架构的升级方案"),
            (BC, "2026-11-05", 12000000, "仅集成与外包开发，核心产品来源不明"),
            ("us", "2026-11-18", 18600000, "优化报价：分两期交付，一期980万元"),
            (SH, "2026-11-20", 9800000, "“免费升级+迁移服务”，仅收迁移与定制开发费"),
        ]),
        strategy="flanking",
        tactics=[
            "引入新的评估标准，改变竞争规则",
            "聚焦客户未被满足的业务痛点",
            "把“双核并行、可回退的迁移能力”和“信创全栈适配”写进技术评分项",
            "组织同业城商行分布式核心样板参观，弱化运维条线的迁移顾虑",
            "高层拜访，强化决策者信心",
        ],
        value_proposition={
            "solution": "基于我方分布式核心平台的“双核并行、分步迁移”方案：先上线产品工厂、新开户与总账，"
                        "再分批迁移存量账户，全程可回退；国产芯片、操作系统、数据库全栈适配。",
            "business_value": "新产品上市周期从3个月缩短到2周；日终批处理窗口从4小时降到30分钟以内；"
                              "满足信创与监管要求；5年总拥有成本比延续集中式方案低约18%。",
            "comparison": comparison([
                ("solution", "us", "单元化分布式架构，POC峰值2.3万TPS；双核并行迁移有同业投产案例"),
                ("solution", YQ, "云原生平台先进，但核心业务组件成熟度不足，交付靠合作伙伴"),
                ("solution", SH, "集中式架构延续，迁移风险最低，但不满足分布式与信创方向"),
                ("relationship", "us", "科技条线（CIO、信息科技部、架构处）支持；运维条线与王建国副行长仍倾向数衡；董事长未接触"),
                ("relationship", YQ, "通过董办接触董事长，提出联合创新实验室；科技条线中层关系弱"),
                ("relationship", SH, "十年存量关系，运维条线与王建国副行长支持"),
                ("strength", "us", "核心系统研发团队300人，华东有本地交付中心"),
                ("strength", YQ, "资金与品牌最强，可捆绑云资源"),
                ("strength", SH, "熟悉行内业务口径与数据，驻场团队20人"),
            ]),
        },
        team=team(
            (AM_BANK, "销售部", "销售负责人"),
            (PRE_BANK, "售前解决方案部", "售前/方案"),
            (TECH_CORE, "产品研发部", "技术专家"),
            T_DELIVERY, T_BID, T_DIRECTOR, T_VP,
        ),
        coaching=coaching([
            ("2026-10-12", SALES_DIRECTOR, ["compelling_event", "questionnaire", "relationship_map"],
             "已有内线郑晓燕，赢单率从约21%回到33%。必要事件中“信创监管要求”没有文件，不能作为依据；维保到期和预算批复已确认。"
             "关系图谱上运维条线（吴强、许文杰）和王建国副行长同属“行长派”，倾向数衡，需要专门防守。",
             [("组织同业分布式核心样板参观，邀请运维条线参加", AM_BANK, "2026-10-31", True),
              ("拿到维保合同到期的书面证明", AM_BANK, "2026-10-20", True),
              ("补全信息安全处何志明的态度与决策角色", PRE_BANK, "2026-10-31", False)]),
            ("2026-10-26", SALES_DIRECTOR, ["competitors", "win_rate", "strategy"],
             "云擎科技通过董办安排董事长互访，关系紧密度升到8，我方赢单率回落。策略从正面转为侧翼："
             "把“迁移风险可控”和“信创全栈”变成评估标准，不和云擎拼品牌。",
             [("申请欧阳明副总裁拜访行长与CIO", SALES_DIRECTOR, "2026-11-07", True),
              ("POC方案与测试用例提交信息科技部", TECH_CORE, "2026-11-03", True),
              ("通过陈卫东了解董事长对云擎的评价", AM_BANK, "2026-11-14", False)]),
            ("2026-11-09", SALES_DIRECTOR, ["value_proposition", "activities", "relationship_map"],
             "高层拜访效果好，行长认可分期交付。红旗：王建国副行长仍是负向的决策者；董事长（批准者）至今没有接触。"
             "价值主张要把5年TCO算清楚，准备回应数衡的“免费升级”。",
             [("完成5年TCO对比测算", PRE_BANK, "2026-11-20", True),
              ("经董办孙立军安排董事长拜访", AM_BANK, "2026-12-02", False),
              ("组织运维条线迁移回退专题研讨", TECH_CORE, "2026-12-04", False)]),
            ("2026-11-23", SALES_DIRECTOR, ["questionnaire", "win_rate", "strategy"],
             "赢单率约36%，与云擎胶着；数衡用“免费升级”搅局。重点是不让“延续集中式”被评成低风险选项。",
             [("技术规范书评分项落实“双核并行迁移能力”", PRE_BANK, "2026-11-28", False),
              ("确认省局信创文件是否已下发", AM_BANK, "2026-11-30", False)]),
        ]),
        sales_mode="direct",
        resource_requests=requests([
            (AM_BANK, "产品研发部", "POC环境搭建与性能压测（目标2万TPS）", 25, "done"),
            (AM_BANK, "交付服务部", "存量数据迁移方案评估", 8, "approved"),
            (AM_BANK, "公司管理层", "副总裁高层拜访（行长、董事长）", 2, "approved"),
            (PRE_BANK, "售前解决方案部", "5年TCO对比测算", 3, "done"),
        ]),
        checklist=checklist_through("needs_analysis"),
    ),
    # --- B: in bidding, regulation-driven ------------------------------------------------------
    deal(
        id="d-bank-data", account="acc-bank", name="鸿远银行监管数据报送平台（EAST与一表通）",
        amount=2380000, stage="bidding", expected_close="2026-12-31",
        participants=participants("bank", [
            (3, "A", "0", None), (26, "D", "+", "balance"), (39, "E", "+", None), (27, "E", "0", "attack"),
            (28, "E", "++", "motivate"), (36, "E", "0", None), (29, "U", "?", None), (31, "U", "0", None),
            (40, "U", "?", None), (5, "?", "?", None),
        ]),
        decision_links=links("bank", [
            (28, 27, "汇报"), (27, 26, "推荐"), (39, 26, "合规意见"), (26, 3, "推荐"),
            (36, 3, "商务评审结果"), (31, 28, "汇报"),
        ]),
        compelling_events=[
            ce("监管要求2027年1月起按新版EAST与“一表通”标准报送", "regulation", True, "2026-10-15",
               "监管通知文件；合规部贾琳确认"),
            ce("2026年度科技预算已列支260万元", "budget", True, "2026-09-24", "谢飞提供的预算批复截图"),
        ],
        competitors=[SH, ZL],
        assessments=assessments("bank", ["us", SH, ZL], [
            ("2026-09-25", 28, [(6, 5), (8, 6), (5, 3)]),
            ("2026-10-09", 28, [(7, 6), (8, 6), (5, 4)]),
            ("2026-10-16", 28, [(8, 6), (7, 6), (5, 4)]),
            ("2026-10-23", 28, [(8, 7), (7, 6), (6, 4)]),
            ("2026-10-30", 28, [(8, 7), (7, 7), (6, 4)]),
            ("2026-11-06", 28, [(8, 7), (7, 7), (6, 5)]),
            ("2026-11-13", 28, [(8, 8), (7, 6), (6, 4)]),
            ("2026-11-20", 28, [(8, 8), (7, 7), (5, 4)]),
        ], [AM_BANK, SALES_DIRECTOR, PRE_BANK]),
        quotes=quotes([
            ("us", "2026-10-12", 2580000, "方案报价"),
            (SH, "2026-10-20", 2200000, "在现有报送系统上升级"),
            ("us", "2026-11-10", 2380000, "投标报价"),
            (SH, "2026-11-10", 2150000, "投标报价"),
            (ZL, "2026-11-10", 1980000, "投标报价"),
        ]),
        strategy="frontal",
        tactics=["集中展示核心优势，直接对比竞争对手", "高层拜访，强化决策者信心", "用规则库覆盖率和校验通过率数据说话"],
        value_proposition={
            "solution": "监管数据报送平台：统一报送集市、3,800条校验规则库、数据血缘追溯、EAST与“一表通”一体化报送。",
            "business_value": "报送准备时间缩短60%，校验问题前移到源系统，降低监管处罚风险。",
            "comparison": comparison([
                ("solution", "us", "规则库覆盖92%的报表口径问题，校验与血缘追溯演示获认可"),
                ("solution", SH, "熟悉现有口径，但平台老旧，“一表通”模块刚推出"),
                ("solution", ZL, "数据治理AI功能新颖，监管报送经验少"),
                ("relationship", "us", "数据管理部、合规部支持；谢飞为内线"),
                ("relationship", SH, "与数据管理部副总宋雅琴合作多年"),
                ("relationship", ZL, "关系薄弱"),
                ("strength", "us", "已有12家城商行报送案例"),
                ("strength", SH, "存量系统，切换成本低"),
                ("strength", ZL, "公司规模小，资金压力大"),
            ]),
        },
        team=team((AM_BANK, "销售部", "销售负责人"), (PRE_BANK, "售前解决方案部", "售前/方案"), T_BID, T_DELIVERY),
        coaching=coaching([
            ("2026-10-20", SALES_DIRECTOR, ["questionnaire", "value_proposition"],
             "需求满足度已超过数衡，但数衡关系分仍高。价值主张要量化“报送准备时间”和“处罚风险”。",
             [("整理规则库覆盖率对比材料", PRE_BANK, "2026-10-30", True),
              ("述标演练", BID, "2026-11-08", True)]),
        ]),
        sales_mode="direct",
        resource_requests=requests([
            (AM_BANK, "商务部", "投标文件编制", 6, "done"),
            (AM_BANK, "交付服务部", "实施计划与人员预排", 3, "approved"),
        ]),
        checklist=checklist_through("tender_preparation"),
    ),
    # --- C by amount, overridden to B: a strategic pilot ---------------------------------------
    deal(
        id="d-bank-vdi", account="acc-bank", name="鸿远银行信创云桌面试点",
        amount=460000, stage="needs_analysis", expected_close="2026-12-25",
        grade_override="B",
        override_reason="总行信创示范工程：试点300终端，成功后全行推广约3,000终端（潜在金额约480万元），CIO亲自关注，按B级投入资源。",
        participants=participants("bank", [
            (6, "A", "++", None), (9, "D", "+", None), (47, "E", "+", "motivate"), (16, "E", "0", None),
            (15, "U", "-", "defend"), (24, "U", "?", None),
        ]),
        decision_links=links("bank", [(47, 9, "推荐"), (16, 9, "安全评估意见"), (15, 9, "汇报"), (9, 6, "汇报")]),
        compelling_events=[
            ce("信创推进办要求2026年底前完成试点验收", "deadline", True, "2026-10-16", "信创推进办年度工作计划"),
        ],
        competitors=[BC, YQ],
        assessments=assessments("bank", ["us", BC, YQ], [
            ("2026-10-15", 47, [(7, 6), (6, 7), (7, 4)]),
            ("2026-10-29", 47, [(7, 5), (6, 7), (7, 4)]),
            ("2026-11-12", 47, [(8, 7), (6, 6), (7, 4)]),
            ("2026-11-19", 47, [(8, 7), (6, 6), (7, 4)]),
        ], WHO_BANK),
        quotes=quotes([
            (BC, "2026-10-30", 390000, "含国产终端硬件"),
            ("us", "2026-11-05", 460000, "软件+实施，终端由行方集采"),
        ]),
        strategy="fragmentation",
        tactics=["以试点项目切入", "拆分标包，争取优势部分"],
        value_proposition={
            "solution": "信创云桌面：国产终端+云桌面管理平台，与现有终端管理平台对接。",
            "business_value": "满足信创替代要求，终端运维人力节省40%，为全行推广打样。",
            "comparison": comparison([
                ("solution", "us", "与核心项目同一技术栈，运维统一"),
                ("solution", BC, "以硬件为主，管理平台OEM"),
                ("relationship", BC, "与运维处、设备采购关系好"),
            ]),
        },
        team=team((AM_BANK, "销售部", "销售负责人"), (PRE_BANK, "售前解决方案部", "售前/方案")),
        sales_mode="direct",
        checklist=checklist_through("initiate", [("needs_analysis", "价值主张已确定")]),
    ),
    # --- A: energy EAM, tender being drafted ---------------------------------------------------
    deal(
        id="d-energy-eam", account="acc-energy", name="江南能源集团设备资产管理（EAM）平台",
        amount=7200000, stage="tender_preparation", expected_close="2027-03-31",
        participants=participants("energy", [
            (1, "A", "?", None), (2, "D", "+", "balance"), (5, "D", "+", "motivate"), (3, "D", "-", "defend"),
            (6, "E", "0", "attack"), (7, "E", "+", None), (15, "E", "-", "defend"), (17, "E", "++", "motivate"),
            (9, "E", "++", "motivate"), (26, "E", "0", None), (4, "E", "0", None),
            (32, "U", "-", "suppress"), (34, "U", "+", None), (18, "U", "?", None), (33, "?", "?", None),
        ]),
        decision_links=links("energy", [
            (17, 15, "汇报"), (15, 6, "汇报"), (15, 3, "推荐"), (9, 7, "推荐"), (7, 5, "汇报"),
            (6, 5, "技术评审意见"), (3, 2, "推荐"), (5, 2, "推荐"), (2, 1, "提交党委会"),
            (32, 3, "电厂意见"), (26, 2, "招标结果"), (4, 2, "预算意见"), (34, 17, "业务需求"),
        ]),
        compelling_events=[
            ce("集团2026年数字化专项预算已批复，EAM平台列支800万元", "budget", True, "2026-11-10",
               "总经理办公会纪要（金晓峰提供）"),
            ce("总经理要求2027年6月前在青湾、石塘两厂上线", "deadline", True, "2026-11-19", "总经理当面确认"),
            ce("国资委对标世界一流企业设备管理提升行动", "other", False, "2026-10-09", "仅见行业会议材料，集团尚未发文"),
        ],
        competitors=[YQ, ZL, BC],
        assessments=assessments("energy", ["us", YQ, ZL, BC], [
            ("2026-09-21", None, [(6, 5), (7, 4), (6, 5), (4, 5)]),
            ("2026-09-28", None, [(7, 5), (7, 4), (6, 5), (4, 5)]),
            ("2026-10-12", 9, [(7, 6), (7, 4), (6, 6), (4, 5)], [AM_ENERGY, SALES_DIRECTOR, PRE_ENERGY]),
            ("2026-10-19", 9, [(7, 6), (7, 5), (6, 6), (4, 5)]),
            ("2026-10-26", 9, [(7, 6), (7, 5), (8, 7), (4, 5)]),
            ("2026-11-02", 9, [(8, 6), (7, 5), (8, 7), (4, 5)]),
            ("2026-11-09", 9, [(8, 8), (7, 5), (7, 6), (4, 5)], [AM_ENERGY, SALES_DIRECTOR, PRE_ENERGY]),
            ("2026-11-16", 9, [(8, 8), (7, 6), (7, 6), (5, 6)]),
            ("2026-11-23", 9, [(9, 8), (7, 6), (7, 7), (5, 6)]),
        ], WHO_ENERGY),
        quotes=quotes([
            ("us", "2026-10-08", 8100000, "预算报价，含两厂实施与移动端"),
            (YQ, "2026-10-22", 6900000, "含工业云资源三年"),
            (ZL, "2026-10-30", 5600000, "软件+IoT传感器，平台能力较弱"),
            (BC, "2026-11-12", 4800000, "低价，功能需二次开发"),
            ("us", "2026-11-18", 7200000, "分两期：一期两厂上线720万元，二期推广另计"),
        ]),
        strategy="flanking",
        tactics=[
            "引入新的评估标准，改变竞争规则",
            "把“集团两级管控”“点检-检修-备件闭环”“开放接入第三方IoT数据”写进技术规范",
            "组织客户参观我方在邻省能源集团的样板电厂",
            "不否定智联方舟的IoT试点，把它变成我方平台的数据源",
        ],
        value_proposition={
            "solution": "集团两级管控的EAM平台：设备台账、移动点检、缺陷与检修工单、两票联动、备件集团联储，"
                        "开放接入第三方IoT监测数据，支持预测性维护。",
            "business_value": "非计划停机减少20%，备件库存资金占用降低15%（约3,000万元），"
                              "检修工单闭环率从70%提升到95%，满足总经理2027年6月两厂上线的要求。",
            "comparison": comparison([
                ("solution", "us", "全流程闭环+集团管控，已有同行业样板电厂"),
                ("solution", YQ, "工业云平台通用，设备管理业务深度不足"),
                ("solution", ZL, "IoT监测效果直观，但缺检修、备件等业务流程"),
                ("relationship", "us", "数字化条线与设备管理处支持；钱永康副总与青湾电厂倾向智联；董事长未接触"),
                ("relationship", YQ, "与战略规划部有接触，关系一般"),
                ("relationship", ZL, "生产系统（钱永康、段立新、杜宏斌）支持"),
                ("strength", "us", "能源行业交付团队80人"),
                ("strength", YQ, "资金实力强"),
                ("strength", ZL, "现金流紧张，交付团队缩减"),
            ]),
        },
        team=team(
            (AM_ENERGY, "销售部", "销售负责人"),
            (PRE_ENERGY, "售前解决方案部", "售前/方案"),
            (TECH_DATA, "产品研发部", "技术专家"),
            T_BID, T_DIRECTOR, T_VP,
        ),
        coaching=coaching([
            ("2026-10-23", SALES_DIRECTOR, ["competitors", "strategy", "relationship_map"],
             "智联方舟在青湾电厂做免费IoT试点，钱永康、段立新、杜宏斌倾向智联。不要正面否定IoT，"
             "改为“平台+开放接入”，把单点试点变成我方平台的一个数据源。红旗：董事长许国栋至今未接触。",
             [("组织样板电厂参观，邀请张卫平、段立新", AM_ENERGY, "2026-11-05", True),
              ("准备IoT数据开放接入方案", TECH_DATA, "2026-11-10", True),
              ("规划董事长拜访路径", SALES_DIRECTOR, "2026-11-30", False)]),
            ("2026-11-20", SALES_DIRECTOR, ["win_rate", "value_proposition", "activities"],
             "技术规范已写入两级管控与全流程闭环，赢单率升到约39%。北辰低价480万元是采购环节的风险，准备分期报价。",
             [("分两期报价方案报商务审批", BID, "2026-11-25", True),
              ("拜访钱永康副总与杜宏斌总经理", AM_ENERGY, "2026-12-03", False),
              ("安排欧阳明拜访董事长", VP, "2026-12-10", False)]),
        ]),
        sales_mode="direct",
        resource_requests=requests([
            (AM_ENERGY, "交付服务部", "样板电厂参观接待", 2, "done"),
            (AM_ENERGY, "产品研发部", "IoT开放接入接口开发演示", 10, "approved"),
            (PRE_ENERGY, "售前解决方案部", "技术规范书协助编写", 5, "done"),
            (AM_ENERGY, "公司管理层", "副总裁拜访董事长", 1, "requested"),
        ]),
        checklist=checklist_through("value_presentation"),
    ),
    # --- B, lost: incumbent defended ----------------------------------------------------------
    deal(
        id="d-energy-fssc", account="acc-energy", name="江南能源集团财务共享中心二期",
        amount=3150000, stage="bidding", status="lost", expected_close="2026-11-15",
        participants=participants("energy", [
            (2, "A", "0", None), (4, "D", "-", "defend"), (22, "E", "--", "suppress"), (23, "E", "+", "motivate"),
            (7, "E", "+", None), (26, "E", "0", None), (24, "U", "?", None),
        ]),
        decision_links=links("energy", [
            (23, 22, "汇报"), (22, 4, "推荐"), (7, 4, "技术意见"), (26, 4, "招标结果"), (4, 2, "推荐"),
        ]),
        compelling_events=[
            ce("财务共享二期预算320万元已列入2026年投资计划", "budget", True, "2026-09-16", "投资计划表"),
        ],
        competitors=[SH, YQ],
        assessments=assessments("energy", ["us", SH, YQ], [
            ("2026-09-20", None, [(6, 4), (8, 8), (6, 4)]),
            ("2026-09-27", 23, [(7, 4), (8, 8), (6, 4)]),
            ("2026-10-11", 23, [(7, 5), (8, 8), (6, 4)]),
            ("2026-10-18", 23, [(7, 5), (8, 8), (6, 5)]),
            ("2026-10-25", None, [(7, 4), (8, 9), (6, 5)]),
            ("2026-11-01", None, [(6, 4), (8, 9), (6, 5)]),
            ("2026-11-08", None, [(6, 4), (8, 9), (7, 5)]),
            ("2026-11-11", None, [(6, 4), (8, 9), (7, 5)]),
        ], WHO_ENERGY),
        quotes=quotes([
            ("us", "2026-10-15", 3150000, "方案报价"),
            (SH, "2026-11-03", 2600000, "开标价，一期系统延续升级"),
            (YQ, "2026-11-03", 2900000, "开标价"),
            ("us", "2026-11-03", 3100000, "开标价"),
        ]),
        strategy="frontal",
        tactics=["集中展示核心优势，直接对比竞争对手", "聚焦客户未被满足的业务痛点"],
        value_proposition={
            "solution": "财务共享二期：费用机器人、智能审单、资金计划一体化。",
            "business_value": "单据处理效率提升50%，共享中心人员增长为零。",
            "comparison": comparison([
                ("solution", "us", "智能审单领先"),
                ("solution", SH, "一期延续，切换成本低"),
                ("relationship", SH, "总会计师与财务部主任支持，评分标准偏向延续性"),
                ("relationship", "us", "只有共享中心黎静认可，且不愿公开表态"),
                ("strength", SH, "一期驻场团队8人"),
            ]),
        },
        team=team((AM_ENERGY, "销售部", "销售负责人"), (PRE_ENERGY, "售前解决方案部", "售前/方案"), T_BID),
        coaching=coaching([
            ("2026-10-27", SALES_DIRECTOR, ["compelling_event", "competitors", "win_rate", "strategy"],
             "一期由数衡实施，常红梅强负向、孔令华倾向数衡，评分标准偏向延续性，内线黎静开始回避。"
             "继续正面强攻胜算低，建议评估是否转为发展策略、控制投入。",
             [("与黎静确认评分细则是否还有调整空间", AM_ENERGY, "2026-10-31", True),
              ("投标报价底线审批", SALES_DIRECTOR, "2026-11-01", True)]),
            ("2026-11-16", SALES_DIRECTOR, ["strategy", "relationship_map", "activities"],
             "丢单复盘：决策者和主要评估者都倾向在位者，我们只靠需求满足度打正面战。教训：早在9月就该看出"
             "只有一位中立偏正向的内线，应及时改为发展策略，把资源投到EAM。",
             [("复盘回访黎静，保持关系", AM_ENERGY, "2026-11-30", False),
              ("跟踪数衡二期交付情况，为三期布局", AM_ENERGY, "2027-03-31", False)]),
        ]),
        sales_mode="direct",
        resource_requests=requests([
            (AM_ENERGY, "商务部", "投标文件编制", 5, "done"),
            (AM_ENERGY, "产品研发部", "费用机器人定制演示", 8, "declined"),
        ]),
        checklist=checklist_through("bidding"),
    ),
    # --- E: partner-led --------------------------------------------------------------------------
    deal(
        id="d-energy-safety", account="acc-energy", name="石塘热电安全生产智能视频监控（合作伙伴主导）",
        amount=680000, stage="initiate", expected_close="2027-01-31",
        partner_led=True,
        partner_registration={"partner": "苏安智能系统集成有限公司", "registered_on": "2026-10-16",
                              "protection_until": "2027-04-16", "status": "approved"},
        participants=participants("energy", [
            (20, "A", "0", None), (36, "D", "?", None), (41, "E", "+", None), (37, "U", "?", None),
        ]),
        decision_links=links("energy", [(41, 20, "推荐"), (37, 36, "汇报")]),
        compelling_events=[
            ce("省应急管理部门要求重点区域视频AI识别全覆盖", "regulation", True, "2026-10-16", "安全环保部转发的文件"),
        ],
        competitors=[ZL],
        assessments=assessments("energy", ["us", ZL], [
            ("2026-10-20", None, [(6, 5), (6, 4)]),
            ("2026-11-17", None, [(7, 6), (6, 4)]),
        ], [CHANNEL, AM_ENERGY]),
        strategy="frontal",
        tactics=["集中展示核心优势，直接对比竞争对手"],
        value_proposition={
            "solution": "由苏安智能集成、我方AI视频分析平台提供算法：未戴安全帽、区域闯入、跑冒滴漏识别。",
            "business_value": "满足监管要求，安全巡检人力减少30%。",
            "comparison": [],
        },
        team=team((CHANNEL, "渠道合作部", "渠道经理"), (AM_ENERGY, "销售部", "销售负责人")),
        sales_mode="partner_led",
        checklist=checklist_through("validate"),
    ),
    # --- B, won --------------------------------------------------------------------------------
    deal(
        id="d-hosp-cdr", account="acc-hosp", name="临澜市中心医院临床数据中心（CDR）与科研数据平台",
        amount=1850000, stage="negotiation", status="won", expected_close="2026-11-20",
        participants=participants("hosp", [
            (2, "A", "++", "motivate"), (4, "D", "0", "attack"), (6, "E", "++", "motivate"), (15, "E", "++", "motivate"),
            (7, "E", "+", None), (23, "E", "0", None), (5, "E", "?", None), (17, "U", "+", None),
            (18, "U", "0", None), (9, "U", "-", "defend"),
        ]),
        decision_links=links("hosp", [
            (6, 4, "推荐"), (15, 2, "推荐"), (17, 2, "临床意见"), (4, 2, "推荐"), (7, 6, "汇报"),
            (9, 7, "汇报"), (23, 4, "招标结果"), (5, 2, "预算意见"),
        ]),
        compelling_events=[
            ce("2027年上半年迎接电子病历五级与互联互通四级甲等测评", "regulation", True, "2026-09-23", "市卫健委通知"),
            ce("市财政信息化专项资金批复190万元", "budget", True, "2026-10-20", "财务处霍建确认"),
        ],
        competitors=[ZL, JH],
        assessments=assessments("hosp", ["us", ZL, JH], [
            ("2026-09-23", 15, [(7, 6), (7, 5), (6, 6)]),
            ("2026-09-30", 15, [(7, 6), (7, 5), (6, 7)]),
            ("2026-10-14", 15, [(8, 7), (7, 5), (6, 6)]),
            ("2026-10-21", 15, [(8, 8), (7, 5), (6, 6)]),
            ("2026-10-28", 15, [(8, 8), (7, 6), (6, 6)]),
            ("2026-11-04", 15, [(8, 8), (6, 5), (6, 5)]),
            ("2026-11-11", 15, [(9, 9), (6, 5), (5, 5)]),
            ("2026-11-18", 15, [(9, 9), (5, 4), (5, 5)]),
        ], WHO_HOSP),
        quotes=quotes([
            ("us", "2026-10-05", 1980000, "方案报价"),
            (ZL, "2026-11-09", 1650000, "投标报价"),
            (JH, "2026-11-09", 1720000, "投标报价，另收接口费"),
            ("us", "2026-11-09", 1880000, "投标报价"),
            ("us", "2026-11-18", 1850000, "合同谈判最终价"),
        ]),
        strategy="frontal",
        tactics=["集中展示核心优势，直接对比竞争对手", "高层拜访，强化决策者信心", "推动把接口授权费由HIS厂商承担写进招标文件"],
        value_proposition={
            "solution": "临床数据中心+心血管、肿瘤专病库+科研数据平台，满足电子病历五级数据要求。",
            "business_value": "支撑评级迎检；科研数据准备时间从数月缩短到数天。",
            "comparison": comparison([
                ("solution", "us", "CDR与专病库一体，已有三甲样板"),
                ("solution", ZL, "AI数据治理强，CDR产品新"),
                ("solution", JH, "与HIS集成方便，科研功能弱"),
                ("relationship", "us", "院长、科研处、信息中心支持"),
                ("relationship", JH, "谭建新副院长与HIS工程师倾向景泓"),
                ("strength", "us", "本地运维团队常驻"),
            ]),
        },
        team=team((AM_HOSP, "销售部", "销售负责人"), (PRE_HOSP, "售前解决方案部", "售前/方案"),
                  (TECH_DATA, "产品研发部", "技术专家"), T_BID, T_DELIVERY),
        coaching=coaching([
            ("2026-10-16", SALES_DIRECTOR, ["relationship_map", "activities"],
             "谭建新副院长是唯一中立的决策者，参观样板后态度好转。下一步把接口费问题写进招标文件，避免景泓借接口设障。",
             [("推动招标文件写明接口授权费由HIS厂商承担", AM_HOSP, "2026-10-27", True),
              ("请院长在院长办公会上明确项目节点", AM_HOSP, "2026-10-31", True)]),
        ]),
        sales_mode="direct",
        resource_requests=requests([
            (AM_HOSP, "交付服务部", "实施团队预排（6人×4个月）", 4, "approved"),
            (AM_HOSP, "商务部", "投标文件编制", 4, "done"),
        ]),
        checklist=checklist_through("negotiation"),
    ),
    # --- C, no confirmed compelling event ------------------------------------------------------
    deal(
        id="d-hosp-ihosp", account="acc-hosp", name="临澜市中心医院互联网医院平台升级",
        amount=380000, stage="validate", expected_close="2027-06-30",
        participants=participants("hosp", [
            (3, "?", "?", None), (20, "E", "+", None), (6, "E", "++", None),
        ]),
        decision_links=links("hosp", [(20, 3, "汇报")]),
        compelling_events=[
            ce("院长口头提过希望明年上线线上复诊与处方流转", "deadline", False, "2026-11-18", "仅门诊部转述，院里未立项"),
            ce("2027年预算是否列支尚不清楚", "budget", False, "2026-11-18", "财务处未确认"),
        ],
        competitors=[JH],
        assessments=assessments("hosp", ["us", JH], [
            ("2026-11-06", None, [(5, 5), (6, 7)]),
            ("2026-11-20", 6, [(6, 6), (6, 7)]),
        ], [AM_HOSP]),
        strategy="development",
        tactics=["保持关系，为下一个项目布局", "培养内部支持者"],
        value_proposition={"solution": "互联网医院平台：线上复诊、处方流转、医保在线支付。",
                           "business_value": "释放门诊压力，复诊患者线上占比目标20%。", "comparison": []},
        team=team((AM_HOSP, "销售部", "销售负责人")),
        sales_mode="direct",
    ),
    # --- D, fast track: jumped from validate straight to negotiation ---------------------------
    deal(
        id="d-hosp-ops", account="acc-hosp", name="临澜市中心医院信息系统运维服务续约（2027年度）",
        amount=120000, stage="negotiation", expected_close="2026-12-20",
        participants=participants("hosp", [
            (6, "D", "++", None), (7, "E", "+", None), (23, "E", "0", "attack"), (4, "A", "0", None),
        ]),
        decision_links=links("hosp", [(7, 6, "汇报"), (6, 4, "推荐"), (23, 4, "比价结果")]),
        compelling_events=[
            ce("现运维合同2026年12月31日到期", "deadline", True, "2026-11-16", "现行合同"),
        ],
        competitors=[BC],
        assessments=assessments("hosp", ["us", BC], [
            ("2026-11-02", 6, [(8, 8), (5, 4)]),
            ("2026-11-16", 6, [(8, 8), (6, 5)]),
            ("2026-11-23", 6, [(8, 8), (6, 5)]),
        ], WHO_HOSP),
        quotes=quotes([
            (BC, "2026-11-12", 85000, "比价报价"),
            ("us", "2026-11-23", 120000, "续约报价，含7×24小时响应SLA"),
        ]),
        strategy="defensive",
        tactics=["巩固现有用户满意度，提高切换成本", "提前锁定续约与扩容"],
        value_proposition={"solution": "延续现有运维服务，增加CDR新系统运维。",
                           "business_value": "评级迎检期间系统稳定，故障响应30分钟内。",
                           "comparison": comparison([("strength", BC, "报价低约30%，但无本院系统经验")])},
        team=team((AM_HOSP, "销售部", "销售负责人"), T_DELIVERY),
        sales_mode="direct",
        checklist=checklist_through("validate"),
    ),
]

SETTINGS = {
    "grade_thresholds": {"A": 5000000, "B": 1000000, "C": 200000},
    "win_rate_weights": {"fit": 0.5, "closeness": 0.5},
    "interaction_thresholds": {"occasional": 1, "frequent": 3, "deep": 6, "window_days": 180},
}

WORKSPACE = {
    "format": "sandtable-workspace",
    "version": 1,
    "currency": "CNY",
    "settings": SETTINGS,
    "competitors": COMPETITORS,
    "accounts": ACCOUNTS,
    "deals": DEALS,
}

# ---------------------------------------------------------------------------
# Checks: the importer is the judge of the file; the story's own needs follow
# ---------------------------------------------------------------------------


def story_problems(ws, deals):
    """What the practice story needs beyond a valid file, judged on the CLI's view of the deals."""
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append("content: " + msg)

    people = [per for acc in ws["accounts"] for per in acc["people"]]
    acts = [a for acc in ws["accounts"] for a in acc["activities"]]
    need(len(ws["accounts"]) >= 2, "at least 2 accounts")
    need(len(people) >= 80, "80+ people")
    need(len(ws["competitors"]) >= 4, "4+ competitors")
    need(len(ws["deals"]) >= 6, "6+ deals")
    need(len(acts) >= 60, "60+ activities")
    for acc in ws["accounts"]:
        mgr = {x["id"]: x["manager"] for x in acc["people"]}
        depth = 0
        for x in mgr:
            n, cur = 0, x
            while mgr.get(cur) and n <= len(mgr):  # bounded: the importer refuses cycles
                cur, n = mgr[cur], n + 1
            depth = max(depth, n)
        need(depth >= 3, f"{acc['id']}: 3+ levels of solid-line reporting")
        need(len(acc["circles"]) >= 3, f"{acc['id']}: 3+ circles")
        need(any(x["dotted_managers"] for x in acc["people"]), f"{acc['id']}: some dotted-line managers")
    need(any(len(x["circles"]) > 1 for x in people), "people in several circles")
    need(sum(1 for x in people if x["leans_to"]) >= 3, "a few people lean to a competitor")
    grades = {d["grade"] for d in deals}
    need(grades == {"A", "B", "C", "D", "E"}, f"effective grades A–E all present (have {sorted(grades)})")
    need(any(d["grade_override"] and d["override_reason"] for d in ws["deals"]), "a grade override with a reason")
    statuses = [d["status"] for d in ws["deals"]]
    need("won" in statuses and "lost" in statuses, "one won, one lost")
    need(any(not any(e["confirmed"] for e in d["compelling_events"]) for d in ws["deals"]),
         "a deal without a confirmed compelling event")
    need(any(len(d["coaching"]) >= 2 for d in ws["deals"]), "a deal with 2+ coaching sessions")
    lo, hi = dt.date(2026, 9, 20), dt.date(2026, 11, 24)
    grade_of = {d["id"]: d["grade"] for d in deals}
    for d in ws["deals"]:
        for a in d["assessments"]:
            ad = dt.date.fromisoformat(a["date"])
            need(lo <= ad <= hi, f"{d['id']}: assessment {a['date']} outside 2026-09-20..2026-11-24")
        if grade_of[d["id"]] in "AB" and not d["grade_override"]:  # big by amount
            dates = [dt.date.fromisoformat(a["date"]) for a in d["assessments"]]
            need(len(dates) >= 8 and (max(dates) - min(dates)).days >= 49,
                 f"{d['id']}: big deal assessments over 8+ weeks")
    return problems


def main():
    text = json.dumps(WORKSPACE, ensure_ascii=False, indent=2) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "check.db")
        path = os.path.join(tmp, "practice-workspace.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        sandtable("init", "--db", db)
        imported = sandtable("import", "--db", db, path, check=False)
        if imported.returncode != 0:
            sys.exit(f"the importer refuses the practice workspace:\n{imported.stderr}")
        deals = json.loads(sandtable("deals", "--db", db, "--json").stdout)
        problems = story_problems(WORKSPACE, deals)
        if problems:
            sys.exit("\n".join(problems))
        report = sandtable("deals", "--db", db).stdout
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
        return
    print(report, end="", file=sys.stderr)
    if "--check" in sys.argv:
        return
    partial = OUT + ".partial"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(partial, OUT)
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
