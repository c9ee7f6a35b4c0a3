import address from './address';
import auditLog from './audit-log';
import customer from './customer';
import email from './email';
import phone from './phone';
import sequence from './sequence';

export default { customer, address, phone, email, sequence, 'audit-log': auditLog };
