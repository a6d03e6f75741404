/**
 * What an employer is told, in Chinese or English: {@link org.ratefloat.notice.ThresholdWords} puts
 * the thresholds of its next decision into sentences ("明年工伤保险基金支付不超过 … 元且工伤人数不超过 …
 * 人，费率可降至 …"), {@link org.ratefloat.notice.Notice} writes the notice (告知书): a self-contained,
 * print-ready HTML page of this year's decision, its reasons and next year's thresholds, for one
 * employer or a whole portfolio. A portfolio tool beside the report; it reads only the exported API.
 */
package org.ratefloat.notice;
