import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an implementation list of N items for 临沂市行政审批服务局 in the import layout (UTF-8 CSV), every row a
 * complete, valid guide with its own code.
 *
 *   java bench/ImportFile.java OUT.csv N
 */
public class ImportFile {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        String uscc = "11371300MB28500257";
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("事项名称,基本编码,实施编码,事项类型代码,设定依据,行使层级代码,实施主体,实施主体代码,实施主体性质代码,"
                    + "法定办结时限,法定时限单位,承诺办结时限,承诺时限单位,受理条件,办理流程,结果名称,是否收费,收费项目,"
                    + "通办范围代码,服务对象代码,办理形式代码,行政区划代码,是否网办,网办地址,办理地点,办理时间,咨询电话,监督电话,"
                    + "申请材料,关键词\r\n");
            for (int i = 0; i < n; i++) {
                String basic = String.format("96%010d", i);
                boolean charged = i % 5 == 0;
                w.write(String.join(",",
                        "批量导入测试事项第" + i + "号", basic, uscc + "3" + basic, "01",
                        "《中华人民共和国行政许可法》第十二条；《山东省行政许可条例》", "3", "临沂市行政审批服务局", uscc, "1",
                        "20", "工作日", "5", "工作日", "申请材料齐全、符合法定形式",
                        "申请：提交申请材料；受理：当场决定；审查；决定；送达", "许可证", charged ? "是" : "否",
                        charged ? "工本费|10.00|《山东省行政事业性收费目录清单》" : "",
                        "4", "2、1", "1、2、3", "371300", "是", "https://zwfw.sd.gov.cn/", "临沂市政务服务中心一楼",
                        "工作日 9:00–17:00", "0539-12345", "0539-12345",
                        "申请书|申请人自备|1|0|是；营业执照|市场监督管理部门|0|1|是；授权委托书|申请人自备|1|0|否",
                        "批量 导入 测试"));
                w.write("\r\n");
            }
        }
    }
}
