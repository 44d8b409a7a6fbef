import{a,b,c}from"./chunk-EBN6Q7H2.js";import"./chunk-RYY4ZRXK.js";import"./chunk-NLWRR5JY.js";export{c as CreateCustomer,b as Customers,a as noteOnCustomers};
